# CMake generated Testfile for 
# Source directory: /work/wt-omp2/test
# Build directory: /work/wt-omp2/build2/test
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[lit]=] "/root/.pyenv/shims/python3" "/usr/lib/llvm-19/build/utils/lit/lit.py" "-sv" "/work/wt-omp2/build2/test")
set_tests_properties([=[lit]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-omp2/test/CMakeLists.txt;13;add_test;/work/wt-omp2/test/CMakeLists.txt;0;")

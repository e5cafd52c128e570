# CMake generated Testfile for 
# Source directory: /work/wt-omp2
# Build directory: /work/wt-omp2/build2
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[contract-smoke]=] "/work/wt-omp2/../shared/smoke/run.sh" "/work/wt-omp2/build2/tool/adgen" "/work/wt-omp2/include")
set_tests_properties([=[contract-smoke]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-omp2/CMakeLists.txt;61;add_test;/work/wt-omp2/CMakeLists.txt;0;")
add_test([=[example-regression]=] "sh" "-c" "cmake -S /work/wt-omp2/examples/regression -B /work/wt-omp2/build2/examples/regression -G Ninja -DADGEN_EXECUTABLE=/work/wt-omp2/build2/tool/adgen -DADGEN_INCLUDE_DIR=/work/wt-omp2/include >/dev/null && ninja -C /work/wt-omp2/build2/examples/regression >/dev/null && /work/wt-omp2/build2/examples/regression/train")
set_tests_properties([=[example-regression]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-omp2/CMakeLists.txt;65;add_test;/work/wt-omp2/CMakeLists.txt;0;")
subdirs("lib")
subdirs("tool")
subdirs("unittests")
subdirs("test")
subdirs("test/cmake")

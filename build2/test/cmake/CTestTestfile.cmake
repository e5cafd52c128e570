# CMake generated Testfile for 
# Source directory: /work/wt-omp2/test/cmake
# Build directory: /work/wt-omp2/build2/test/cmake
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[cmake-package]=] "bash" "/work/wt-omp2/test/cmake/package-test.sh" "/usr/bin/cmake" "/work/wt-omp2/build2" "/work/wt-omp2/examples/cmake-project" "/work/wt-omp2/build2/test/cmake/package-test")
set_tests_properties([=[cmake-package]=] PROPERTIES  TIMEOUT "300" _BACKTRACE_TRIPLES "/work/wt-omp2/test/cmake/CMakeLists.txt;4;add_test;/work/wt-omp2/test/cmake/CMakeLists.txt;0;")
add_test([=[cmake-build-tree]=] "bash" "-c" "\"\$0\" --build \"\$1\" --target adgen-cmake-build-tree && \"\$2\"" "/usr/bin/cmake" "/work/wt-omp2/build2" "/work/wt-omp2/build2/test/cmake/adgen-cmake-build-tree")
set_tests_properties([=[cmake-build-tree]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-omp2/test/cmake/CMakeLists.txt;37;add_test;/work/wt-omp2/test/cmake/CMakeLists.txt;0;")

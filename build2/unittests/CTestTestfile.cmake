# CMake generated Testfile for 
# Source directory: /work/wt-omp2/unittests
# Build directory: /work/wt-omp2/build2/unittests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
include("/work/wt-omp2/build2/unittests/adgen-unittests[1]_include.cmake")

if(EXISTS "/work/wt-omp2/build2/unittests/adgen-unittests")
  if(NOT EXISTS "/work/wt-omp2/build2/unittests/adgen-unittests[1]_tests.cmake" OR
     NOT "/work/wt-omp2/build2/unittests/adgen-unittests[1]_tests.cmake" IS_NEWER_THAN "/work/wt-omp2/build2/unittests/adgen-unittests" OR
     NOT "/work/wt-omp2/build2/unittests/adgen-unittests[1]_tests.cmake" IS_NEWER_THAN "${CMAKE_CURRENT_LIST_FILE}")
    include("/usr/share/cmake-3.25/Modules/GoogleTestAddTests.cmake")
    gtest_discover_tests_impl(
      TEST_EXECUTABLE [==[/work/wt-omp2/build2/unittests/adgen-unittests]==]
      TEST_EXECUTOR [==[]==]
      TEST_WORKING_DIR [==[/work/wt-omp2/build2/unittests]==]
      TEST_EXTRA_ARGS [==[]==]
      TEST_PROPERTIES [==[]==]
      TEST_PREFIX [==[]==]
      TEST_SUFFIX [==[]==]
      TEST_FILTER [==[]==]
      NO_PRETTY_TYPES [==[FALSE]==]
      NO_PRETTY_VALUES [==[FALSE]==]
      TEST_LIST [==[adgen-unittests_TESTS]==]
      CTEST_FILE [==[/work/wt-omp2/build2/unittests/adgen-unittests[1]_tests.cmake]==]
      TEST_DISCOVERY_TIMEOUT [==[5]==]
      TEST_XML_OUTPUT_DIR [==[]==]
    )
  endif()
  include("/work/wt-omp2/build2/unittests/adgen-unittests[1]_tests.cmake")
else()
  add_test(adgen-unittests_NOT_BUILT adgen-unittests_NOT_BUILT)
endif()

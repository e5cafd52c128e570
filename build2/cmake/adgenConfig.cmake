# adgenConfig.cmake - the installed adgen package (docs/cmake.md).
#
#   find_package(adgen CONFIG REQUIRED)
#
# defines
#   adgen::adgen           the adgen executable (imported)
#   adgen::runtime         INTERFACE target: include directory of <adgen/adgen.h>,
#                          <adgen/runtime.h>, <adgen/tape.h>; requires C++17
#   adgen_add_derivatives  the function that runs adgen at build time
#   adgen_EXECUTABLE, adgen_INCLUDE_DIR   the same two paths as variables

####### Expanded from @PACKAGE_INIT@ by configure_package_config_file() #######
####### Any changes to this file will be overwritten by the next CMake run ####
####### The input file was adgenConfig.cmake.in                            ########

get_filename_component(PACKAGE_PREFIX_DIR "${CMAKE_CURRENT_LIST_DIR}/../../../" ABSOLUTE)

macro(set_and_check _var _file)
  set(${_var} "${_file}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "File or directory ${_file} referenced by variable ${_var} does not exist !")
  endif()
endmacro()

macro(check_required_components _NAME)
  foreach(comp ${${_NAME}_FIND_COMPONENTS})
    if(NOT ${_NAME}_${comp}_FOUND)
      if(${_NAME}_FIND_REQUIRED_${comp})
        set(${_NAME}_FOUND FALSE)
      endif()
    endif()
  endforeach()
endmacro()

####################################################################################

set_and_check(adgen_EXECUTABLE "${PACKAGE_PREFIX_DIR}/bin/adgen")
set_and_check(adgen_INCLUDE_DIR "${PACKAGE_PREFIX_DIR}/include")

if(NOT TARGET adgen::adgen)
  add_executable(adgen::adgen IMPORTED)
  set_target_properties(adgen::adgen PROPERTIES IMPORTED_LOCATION "${adgen_EXECUTABLE}")
endif()
if(NOT TARGET adgen::runtime)
  add_library(adgen::runtime INTERFACE IMPORTED)
  set_target_properties(adgen::runtime PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${adgen_INCLUDE_DIR}"
    INTERFACE_COMPILE_FEATURES cxx_std_17)
endif()

include("${CMAKE_CURRENT_LIST_DIR}/adgen.cmake")

check_required_components(adgen)

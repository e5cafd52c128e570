# adgen.cmake - run adgen at build time from CMake.
#
#   adgen_add_derivatives(TARGET <target> SOURCES <file>...
#                         [OUTPUT_DIR <dir>] [EXTRA_ARGS <arg>...]
#                         [REQUESTS <mode> <request> [<mode> <request>]...]
#                         [NO_COMPILE_OPTIONS])
#
# Needs the targets adgen::adgen (the tool) and adgen::runtime (its headers):
# find_package(adgen) defines them, and so does adding adgen's source tree with
# add_subdirectory() or FetchContent. The reference is docs/cmake.md.
#
# For each source <stem>.<ext> it adds a custom command that writes
# <OUTPUT_DIR>/<stem>.adgen.cpp (which #includes the source and defines the
# derivatives) and <OUTPUT_DIR>/<stem>.adgen.h (their declarations), then
#   - replaces the source in the target by its .adgen.cpp when the source is
#     one of the target's SOURCES, or adds the .adgen.cpp otherwise (a header);
#   - adds OUTPUT_DIR to the target's include directories and links the target
#     to adgen::runtime.
# adgen parses the source with the target's own include directories, compile
# definitions, compile options and C++ standard, and the -D/-U/-I flags of
# CMAKE_CXX_FLAGS and CMAKE_CXX_FLAGS_<CONFIG> of the configuration being
# built (NDEBUG in Release), and writes a depfile listing
# every file the source includes, so the derivatives are regenerated exactly
# when the source, a header it includes, or adgen itself changes.

include_guard(GLOBAL)

# Functions keep the policy settings in force where they are defined: DEPFILE
# paths follow CMP0116 NEW (relative to the current binary directory; adgen
# writes absolute paths anyway) whatever the calling project's policies are.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.31)
cmake_policy(SET CMP0116 NEW)

# The preprocessor flags (-D, -U, -I, -isystem, -include) in a string of
# compiler flags such as CMAKE_CXX_FLAGS_RELEASE ("-O3 -DNDEBUG"): what makes
# the compiler see different code. Optimisation and warning flags are left
# out (a g++-only flag would make adgen's Clang fail). Each result is wrapped
# in $<$<CONFIG:<config>>:...> when <config> is given.
function(_adgen_preprocessor_flags out flags config)
  separate_arguments(_words UNIX_COMMAND "${flags}")
  set(_result "")
  set(_pending "")
  foreach(_w IN LISTS _words)
    if(_pending)
      set(_w "${_pending}${_w}")
      set(_pending "")
    elseif(_w MATCHES "^(-D|-U|-I|-isystem|-include)$")
      set(_pending "${_w}")
      if(NOT _w MATCHES "^-[DUI]$")
        set(_pending "${_w};")
      endif()
      continue()
    elseif(NOT _w MATCHES "^-[DUI]")
      continue()
    endif()
    foreach(_part IN LISTS _w)
      if(config)
        # Keep ">" and "," from ending or splitting the generator expression.
        string(REPLACE ">" "$<ANGLE-R>" _part "${_part}")
        string(REPLACE "," "$<COMMA>" _part "${_part}")
        set(_part "$<$<CONFIG:${config}>:${_part}>")
      endif()
      list(APPEND _result "${_part}")
    endforeach()
  endforeach()
  set(${out} "${_result}" PARENT_SCOPE)
endfunction()

function(adgen_add_derivatives)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "NO_COMPILE_OPTIONS" "TARGET;OUTPUT_DIR"
                        "SOURCES;EXTRA_ARGS;REQUESTS")
  set(_fn "adgen_add_derivatives")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${_fn}: unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(ARG_KEYWORDS_MISSING_VALUES)
    message(FATAL_ERROR "${_fn}: no value given for ${ARG_KEYWORDS_MISSING_VALUES}")
  endif()
  if(NOT ARG_TARGET)
    message(FATAL_ERROR "${_fn}: TARGET is required")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "${_fn}(TARGET ${ARG_TARGET}): SOURCES is required")
  endif()
  if(NOT TARGET ${ARG_TARGET})
    message(FATAL_ERROR "${_fn}: '${ARG_TARGET}' is not a target "
                        "(call ${_fn} after add_executable/add_library)")
  endif()
  if(NOT TARGET adgen::adgen OR NOT TARGET adgen::runtime)
    message(FATAL_ERROR "${_fn}: the targets adgen::adgen and adgen::runtime are not "
                        "defined here: call find_package(adgen CONFIG REQUIRED) (or "
                        "add_subdirectory/FetchContent of adgen) first")
  endif()

  # Properties are set on the real target, not on an alias of it.
  set(_tgt "${ARG_TARGET}")
  get_target_property(_aliased ${_tgt} ALIASED_TARGET)
  if(_aliased)
    set(_tgt "${_aliased}")
  endif()
  get_target_property(_type ${_tgt} TYPE)
  get_target_property(_imported ${_tgt} IMPORTED)
  if(_imported OR NOT _type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
    message(FATAL_ERROR "${_fn}: '${ARG_TARGET}' must be an executable or a non-interface "
                        "library built by this project (it is ${_type})")
  endif()
  get_target_property(_tgt_src_dir ${_tgt} SOURCE_DIR)

  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/adgen")
  endif()
  get_filename_component(_outdir "${ARG_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  file(MAKE_DIRECTORY "${_outdir}")

  # REQUESTS come in pairs: a mode (forward, reverse, jacobian or hessian)
  # followed by one request "f: spec" (f may be qualified: "ns::f: x, y").
  set(_request_args "")
  list(LENGTH ARG_REQUESTS _n)
  set(_i 0)
  while(_i LESS _n)
    list(GET ARG_REQUESTS ${_i} _mode)
    math(EXPR _j "${_i} + 1")
    if(NOT _mode MATCHES "^(forward|reverse|jacobian|hessian)$")
      message(FATAL_ERROR "${_fn}(TARGET ${ARG_TARGET}): REQUESTS expects pairs "
                          "<mode> \"<function>: <spec>\" with <mode> one of forward, reverse, "
                          "jacobian, hessian; got '${_mode}'")
    endif()
    if(NOT _j LESS _n)
      message(FATAL_ERROR "${_fn}(TARGET ${ARG_TARGET}): REQUESTS: '${_mode}' is not "
                          "followed by a request such as \"f: x, y\"")
    endif()
    list(GET ARG_REQUESTS ${_j} _request)
    if(_request MATCHES "^(forward|reverse|jacobian|hessian)$")
      message(FATAL_ERROR "${_fn}(TARGET ${ARG_TARGET}): REQUESTS: '${_mode}' is not "
                          "followed by a request such as \"f: x, y\"")
    endif()
    list(APPEND _request_args "--${_mode}" "${_request}")
    math(EXPR _i "${_i} + 2")
  endwhile()

  # What the compiler sees, evaluated at generation time. Usage requirements of
  # linked targets are included (TARGET_PROPERTY is transitive for these).
  set(_inc "$<TARGET_PROPERTY:${_tgt},INCLUDE_DIRECTORIES>")
  set(_def "$<TARGET_PROPERTY:${_tgt},COMPILE_DEFINITIONS>")
  set(_opt "$<TARGET_PROPERTY:${_tgt},COMPILE_OPTIONS>")
  set(_std "$<TARGET_PROPERTY:${_tgt},CXX_STANDARD>")
  set(_feat "$<TARGET_PROPERTY:${_tgt},COMPILE_FEATURES>")
  set(_ext "$<TARGET_PROPERTY:${_tgt},CXX_EXTENSIONS>")
  # The standard CMake would pick: the highest of CXX_STANDARD and the
  # cxx_std_NN compile features; at least 17 (adgen::runtime requires it).
  set(_level "17")
  foreach(_v 20 23 26)
    set(_level "$<IF:$<OR:$<STREQUAL:${_std},${_v}>,$<IN_LIST:cxx_std_${_v},${_feat}>>,${_v},${_level}>")
  endforeach()
  # GNU extensions unless CXX_EXTENSIONS is explicitly off (CMake's default is on).
  set(_strict "$<AND:$<NOT:$<BOOL:${_ext}>>,$<NOT:$<STREQUAL:${_ext},>>>")
  set(_std_arg "-std=$<IF:${_strict},c++,gnu++>${_level}")
  # These two must reach add_custom_command as single arguments: the ";" in
  # them separates arguments only after evaluation (COMMAND_EXPAND_LISTS).
  set(_inc_args "$<$<BOOL:${_inc}>:-I$<JOIN:${_inc},;-I>>")
  set(_def_args "$<$<BOOL:${_def}>:-D$<JOIN:${_def},;-D>>")
  # The flags of the configuration being built: CMAKE_CXX_FLAGS and
  # CMAKE_CXX_FLAGS_<CONFIG> (-DNDEBUG in Release), so that adgen sees the
  # `#ifndef NDEBUG` branches the compiler sees. Target properties above
  # already follow $<CONFIG> (target_compile_definitions(t PRIVATE
  # $<$<CONFIG:Debug>:CHECKS>) reaches adgen in Debug builds only).
  _adgen_preprocessor_flags(_cfg_args "${CMAKE_CXX_FLAGS}" "")
  set(_configs ${CMAKE_CONFIGURATION_TYPES} ${CMAKE_BUILD_TYPE} Debug Release RelWithDebInfo MinSizeRel)
  list(REMOVE_DUPLICATES _configs)
  foreach(_c IN LISTS _configs)
    string(TOUPPER "${_c}" _C)
    _adgen_preprocessor_flags(_f "${CMAKE_CXX_FLAGS_${_C}}" "${_c}")
    list(APPEND _cfg_args ${_f})
  endforeach()
  set(_opt_args "")
  if(NOT ARG_NO_COMPILE_OPTIONS)
    # g++-only warning flags would otherwise make Clang warn about each one.
    set(_opt_args "${_opt}" "-Wno-unknown-warning-option")
  endif()

  get_target_property(_tgt_sources ${_tgt} SOURCES)
  if(NOT _tgt_sources)
    set(_tgt_sources "")
  endif()

  set(_replace_from "")
  set(_replace_to "")
  set(_added "")
  set(_stems "")
  foreach(_src IN LISTS ARG_SOURCES)
    get_filename_component(_abs "${_src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${_abs}")
      message(FATAL_ERROR "${_fn}(TARGET ${ARG_TARGET}): no such source: ${_abs}")
    endif()
    get_filename_component(_stem "${_abs}" NAME_WLE)
    get_filename_component(_ext_of_src "${_abs}" LAST_EXT)
    if(_stem IN_LIST _stems)
      message(FATAL_ERROR "${_fn}(TARGET ${ARG_TARGET}): two SOURCES named '${_stem}.*' would "
                          "both write ${_outdir}/${_stem}.adgen.cpp; call ${_fn} once per "
                          "source with different OUTPUT_DIRs")
    endif()
    list(APPEND _stems "${_stem}")

    set(_cpp "${_outdir}/${_stem}.adgen.cpp")
    set(_h "${_outdir}/${_stem}.adgen.h")
    set(_d "${_outdir}/${_stem}.adgen.d")

    # Clang would parse a .h as C: say that headers are C++ headers.
    set(_lang_args "")
    if(_ext_of_src MATCHES "^\\.(h|hh|hpp|hxx|h\\+\\+|H|inl|ipp|tpp|cuh)$")
      set(_lang_args -x c++-header)
    endif()

    file(RELATIVE_PATH _shown "${PROJECT_SOURCE_DIR}" "${_abs}")
    if(_shown MATCHES "^\\.\\./")
      set(_shown "${_abs}")
    endif()

    # Ninja does not rebuild what depends on an output adgen left untouched
    # (restat). Make would rerun adgen at every build instead, so there the
    # outputs are touched once they are up to date.
    set(_touch "")
    if(CMAKE_GENERATOR MATCHES "Makefiles")
      set(_touch COMMAND "${CMAKE_COMMAND}" -E touch_nocreate "${_cpp}" "${_h}")
    endif()

    # CMake 3.20 supports DEPFILE with Ninja and Makefiles only; 3.21 adds
    # Visual Studio and Xcode.
    set(_depfile DEPFILE "${_d}")
    if(CMAKE_VERSION VERSION_LESS 3.21 AND NOT CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
      set(_depfile "")
      message(WARNING "${_fn}: the ${CMAKE_GENERATOR} generator of CMake ${CMAKE_VERSION} "
                      "has no DEPFILE: ${_shown} is regenerated when it changes, not when a "
                      "header it includes does (use CMake 3.21 or later)")
    endif()

    add_custom_command(
      OUTPUT "${_cpp}" "${_h}"
      COMMAND adgen::adgen "${_abs}" -o "${_cpp}" --header "${_h}" --depfile "${_d}"
              ${_request_args}
              -- "${_std_arg}" ${_cfg_args} "${_inc_args}" "${_def_args}" ${_opt_args} ${_lang_args}
              ${ARG_EXTRA_ARGS}
      ${_touch}
      DEPENDS "${_abs}" adgen::adgen
      ${_depfile}
      COMMENT "adgen: differentiating ${_shown}"
      COMMAND_EXPAND_LISTS
      VERBATIM)

    # Is the source one of the target's own (its path as given, relative to the
    # target's source directory)?
    set(_in_target FALSE)
    foreach(_t IN LISTS _tgt_sources)
      if(NOT _t MATCHES "\\$<")
        get_filename_component(_tabs "${_t}" ABSOLUTE BASE_DIR "${_tgt_src_dir}")
        if(_tabs STREQUAL _abs)
          set(_in_target TRUE)
          break()
        endif()
      endif()
    endforeach()
    if(_in_target)
      list(APPEND _replace_from "${_abs}")
      list(APPEND _replace_to "${_cpp}")
    else()
      list(APPEND _added "${_cpp}")
    endif()
    list(APPEND _added "${_h}")
  endforeach()

  # Compile each replaced source's .adgen.cpp instead of it (it #includes it).
  set(_new_sources "")
  foreach(_t IN LISTS _tgt_sources)
    if(NOT _t MATCHES "\\$<")
      get_filename_component(_tabs "${_t}" ABSOLUTE BASE_DIR "${_tgt_src_dir}")
      list(FIND _replace_from "${_tabs}" _k)
      if(_k GREATER -1)
        list(GET _replace_to ${_k} _t)
      endif()
    endif()
    list(APPEND _new_sources "${_t}")
  endforeach()
  list(APPEND _new_sources ${_added})
  list(REMOVE_DUPLICATES _new_sources)
  set_property(TARGET ${_tgt} PROPERTY SOURCES "${_new_sources}")

  # The generated header for code that calls the derivatives, and adgen's
  # headers. Set as properties rather than with target_link_libraries, which
  # would clash with a project that uses its plain (keyword-less) signature.
  if(_type STREQUAL "EXECUTABLE")
    target_include_directories(${_tgt} PRIVATE "${_outdir}")
    set_property(TARGET ${_tgt} APPEND PROPERTY LINK_LIBRARIES adgen::runtime)
  else()
    target_include_directories(${_tgt} PUBLIC "$<BUILD_INTERFACE:${_outdir}>")
    set_property(TARGET ${_tgt} APPEND PROPERTY LINK_LIBRARIES adgen::runtime)
    set_property(TARGET ${_tgt} APPEND PROPERTY INTERFACE_LINK_LIBRARIES
                 "$<BUILD_INTERFACE:adgen::runtime>")
  endif()
endfunction()

cmake_policy(POP)

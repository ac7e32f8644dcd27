# One CMake target per source folder ("layer") of libbmd.
#
#   bmd_add_layer(NAME [DEPENDS lower...] SOURCES files...)
#
# makes the OBJECT library bmd_NAME from the listed files (position-independent, symbols hidden
# unless declared with BMD_API), linked to the layers it may use: their usage requirements reach
# it, nothing of a higher layer does. Before any layer compiles, tests/check_layers.sh checks every
# #include of src/ and include/bmd/ against the layer order, so an upward include fails the build
# (and the 'layers' test). bmd_add_libraries() then makes libbmd.a (target bmd, for the tests and
# benchmarks, which also reach internal functions) and libbmd.so (target bmd_shared, exported
# symbols: BMD_API only) from the objects of all layers, compiled once.


function(bmd_add_layer name)
  cmake_parse_arguments(L "" "" "DEPENDS;SOURCES" ${ARGN})
  add_library(bmd_${name} OBJECT ${L_SOURCES})
  set_target_properties(bmd_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON
    C_VISIBILITY_PRESET hidden)
  target_compile_definitions(bmd_${name} PRIVATE BMD_BUILDING_LIBRARY)
  if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
    # calls between the library's own exported functions need not go through the PLT
    target_compile_options(bmd_${name} PRIVATE -fno-semantic-interposition)
  endif()
  target_include_directories(bmd_${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(bmd_${name} PUBLIC bmd_external)
  foreach(dep IN LISTS L_DEPENDS)
    if(NOT TARGET bmd_${dep})
      message(FATAL_ERROR "layer ${name} depends on ${dep}, which is not declared before it")
    endif()
    target_link_libraries(bmd_${name} PUBLIC bmd_${dep})
  endforeach()
  list(TRANSFORM L_SOURCES PREPEND ${PROJECT_SOURCE_DIR}/ OUTPUT_VARIABLE abs)
  set_property(GLOBAL APPEND PROPERTY BMD_LAYER_SOURCES ${abs})
  set_property(GLOBAL APPEND PROPERTY BMD_LAYER_NAMES ${name})
endfunction()

function(bmd_add_libraries)
  get_property(layers GLOBAL PROPERTY BMD_LAYER_NAMES)
  set(objects "")
  foreach(l IN LISTS layers)
    list(APPEND objects $<TARGET_OBJECTS:bmd_${l}>)
  endforeach()
  add_library(bmd STATIC ${objects})
  add_library(bmd_shared SHARED ${objects})
  foreach(t bmd bmd_shared)
    target_include_directories(${t} PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  endforeach()
  # libbmd.a's users link what its objects use; libbmd.so links it itself and passes on PROJ only
  # (geodesic.h is in a public header).
  target_link_libraries(bmd PUBLIC $<BUILD_INTERFACE:bmd_external>)
  target_link_libraries(bmd_shared PUBLIC PkgConfig::PROJ PRIVATE bmd_external)
  set_target_properties(bmd_shared PROPERTIES OUTPUT_NAME bmd EXPORT_NAME bmd
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
  # The include-order check runs before any layer compiles, again whenever a source, a header or
  # the check changes; its report is in the build log.
  get_property(sources GLOBAL PROPERTY BMD_LAYER_SOURCES)
  file(GLOB headers ${PROJECT_SOURCE_DIR}/include/bmd/*.h ${PROJECT_SOURCE_DIR}/src/*/*.h)
  set(stamp ${CMAKE_BINARY_DIR}/bmd_layers.stamp)
  add_custom_command(OUTPUT ${stamp}
    COMMAND bash ${PROJECT_SOURCE_DIR}/tests/check_layers.sh ${PROJECT_SOURCE_DIR}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${PROJECT_SOURCE_DIR}/tests/check_layers.sh ${sources} ${headers}
    COMMENT "Checking the include order of the layers (tests/check_layers.sh)" VERBATIM)
  add_custom_target(bmd_layer_check DEPENDS ${stamp})
  foreach(l IN LISTS layers)
    add_dependencies(bmd_${l} bmd_layer_check)
  endforeach()
endfunction()

# -j 2 gives byte-identical output to -j 1 (stdout and stderr, every format).
foreach(format text json sarif)
  foreach(jobs 1 2)
    execute_process(COMMAND ${CLAUSELINT} --rules core --format ${format} -j ${jobs} fixtures/core examples tests/inputs
      OUTPUT_VARIABLE out_${jobs} ERROR_VARIABLE err_${jobs} RESULT_VARIABLE status_${jobs})
  endforeach()
  if(NOT out_1 STREQUAL out_2 OR NOT err_1 STREQUAL err_2 OR NOT status_1 EQUAL status_2)
    message(FATAL_ERROR "--format ${format}: -j 2 output differs from -j 1")
  endif()
endforeach()

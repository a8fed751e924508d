# Corpus mode (--format jsonl streams file by file) writes exactly what the
# buffered report writes (--stats turns streaming off), for any -j, and files
# given in any order come out in name order.
set(inputs tests/inputs fixtures/core examples)
execute_process(COMMAND ${CLAUSELINT} --format jsonl --stats -j 1 ${inputs}
  OUTPUT_VARIABLE buffered ERROR_VARIABLE ignored RESULT_VARIABLE buffered_status)
foreach(jobs 1 2)
  execute_process(COMMAND ${CLAUSELINT} --format jsonl -j ${jobs} ${inputs}
    OUTPUT_VARIABLE streamed ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT streamed STREQUAL buffered OR NOT status EQUAL buffered_status)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/jsonl-buffered.jsonl "${buffered}")
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/jsonl-streamed.jsonl "${streamed}")
    message(FATAL_ERROR "-j ${jobs}: streamed JSON Lines differ from the buffered report (status ${status} vs ${buffered_status})")
  endif()
endforeach()
string(LENGTH "${buffered}" size)
if(size LESS 1000)
  message(FATAL_ERROR "too little output to compare (${size} bytes)")
endif()

# The progress line: drawn on standard error, and erased at the end.
execute_process(COMMAND ${CLAUSELINT} --format jsonl --progress always -q ${inputs}
  OUTPUT_VARIABLE ignored ERROR_VARIABLE err)
string(ASCII 27 esc)
if(NOT err MATCHES "\rclauselint: [0-9]+/[0-9]+ files, [0-9.]+ MB/s, [0-9]+:[0-9][0-9] left${esc}\\[K")
  message(FATAL_ERROR "no progress line on standard error: '${err}'")
endif()
if(NOT err MATCHES "\r${esc}\\[K$")
  message(FATAL_ERROR "the progress line is not erased at the end: '${err}'")
endif()
execute_process(COMMAND ${CLAUSELINT} --format jsonl ${inputs} OUTPUT_VARIABLE ignored ERROR_VARIABLE err)
if(err MATCHES "files, [0-9.]+ MB/s")
  message(FATAL_ERROR "a progress line though standard error is not a terminal: '${err}'")
endif()

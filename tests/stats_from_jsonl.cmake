# clauselint stats --from RUN.jsonl counts what a direct run counts.
execute_process(COMMAND ${CLAUSELINT} --format jsonl -o ${OUT} tests/inputs/stats OUTPUT_QUIET ERROR_QUIET)
execute_process(COMMAND ${CLAUSELINT} stats --group-by "path:/(\\d{4})/" tests/inputs/stats
  OUTPUT_VARIABLE direct RESULT_VARIABLE direct_status)
execute_process(COMMAND ${CLAUSELINT} stats --group-by "path:/(\\d{4})/" --from ${OUT} tests/inputs/stats
  OUTPUT_VARIABLE from ERROR_VARIABLE from_err RESULT_VARIABLE from_status)
if(NOT direct STREQUAL from OR NOT direct_status EQUAL 0 OR NOT from_status EQUAL 0)
  message(FATAL_ERROR "stats --from differs from a direct run (status ${from_status}; ${from_err}):\n${direct}\n---\n${from}")
endif()
string(FIND "${direct}" "children-under-13" at)
if(at LESS 0)
  message(FATAL_ERROR "no children-under-13 row in:\n${direct}")
endif()
# A line that is not a finding is an error with its line number.
file(WRITE ${OUT}.bad "{\"rule\": \"x\", \"file\": \"a.md\"}\nnot json\n")
execute_process(COMMAND ${CLAUSELINT} stats --from ${OUT}.bad tests/inputs/stats
  OUTPUT_QUIET ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 2 OR NOT err MATCHES "stats-run.jsonl.bad:2:1: error: not a finding")
  message(FATAL_ERROR "a bad --from line: status ${status}, stderr '${err}'")
endif()

# Writes OUT with `CLAUSELINT --generate WHAT` (the man page or a completion
# script, rendered from the binary's own command-line definition).
execute_process(COMMAND ${CLAUSELINT} --generate ${WHAT} OUTPUT_FILE ${OUT} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  file(REMOVE ${OUT})
  message(FATAL_ERROR "clauselint --generate ${WHAT} failed (exit ${status})")
endif()

# Writes doisoat.1 from the built binary's own --help (and each command's), so the man page
# cannot drift from the CLI. Run at build time:
#   cmake -DDOISOAT=<binary> -DVERSION=<x.y.z> -DOUT=<doisoat.1> -P cmake/manpage.cmake
cmake_minimum_required(VERSION 3.25)

function(run_help out_var)
  execute_process(COMMAND ${DOISOAT} ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "manpage: '${DOISOAT} ${ARGN}' failed (${rc})")
  endif()
  # The usage line names the binary as it was run; the page names the command.
  string(REPLACE "${DOISOAT}" "doisoat" text "${text}")
  # roff: a backslash is \e; a line starting with '.' or "'" would be a request.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

run_help(main --help)
set(page ".TH DOISOAT 1 \"\" \"doisoat ${VERSION}\" \"User Commands\"
.SH NAME
doisoat \\- audit the figures of Vietnamese socio-economic reports (đối soát số liệu)
.SH SYNOPSIS
.B doisoat
\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIPATH\\fR...]
.SH DESCRIPTION
Reads reports (.txt, .md, .docx, .pdf), recognises every figure and every relation the text
asserts between figures, recomputes them and lists the discrepancies.
.PP
.nf
${main}.fi
.SH COMMANDS
")
foreach(cmd check extract checks explain facts)
  run_help(help ${cmd} --help)
  string(APPEND page ".SS ${cmd}\n.nf\n${help}.fi\n")
endforeach()
run_help(catalogue checks)
string(APPEND page ".SH CHECKS\n.nf\n${catalogue}.fi\n")
string(APPEND page ".SH EXIT STATUS
.TP
.B 0
ran; no finding at or above \\fB--fail-on\\fR
.TP
.B 1
ran; at least one finding at or above \\fB--fail-on\\fR
.TP
.B 2
could not run as asked: bad arguments, unreadable or undecodable input, bad config
.SH SEE ALSO
\\fBdoisoat explain\\fR \\fICHECK-ID\\fR for the documentation of one check.
")
file(WRITE ${OUT} "${page}")

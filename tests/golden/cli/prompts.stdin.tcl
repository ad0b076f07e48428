# tcl_interactive turns on tclsh's prompts and result echo; only booleans
set tcl_interactive maybe
set tcl_prompt1 {puts -nonewline stdout "one> "}
set tcl_prompt2 {puts -nonewline stdout "two> "}
set tcl_interactive yes
set x [expr {6 * 7}]
puts {a command
over two lines}
puts -nonewline partial; set y done
set tcl_prompt1 {error "prompt failed"}
set errorInfo
unset tcl_prompt1
proc unusual_name_xyz {} {return called}
unusual_na
error "an error"
set tcl_interactive 0
set z quiet

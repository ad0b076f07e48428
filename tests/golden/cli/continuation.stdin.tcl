# a backslash-newline at the end of a line continues the command
puts \
continued
set a [list 1 \
  2]
puts $a
# a redefined exit still runs when the input ends
rename exit _exit
proc exit {code} {puts "exit $code"; _exit $code}

puts "C17: a script read from standard input"
}
puts "goes on after an error"
error "C17: the exit status stays 0"

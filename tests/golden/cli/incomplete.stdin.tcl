puts first
proc g {} {
    puts never

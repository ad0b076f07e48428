puts out
exit 3

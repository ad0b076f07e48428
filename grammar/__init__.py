"""The Lark grammars of tclish (package data: tcl.lark, expr.lark)."""

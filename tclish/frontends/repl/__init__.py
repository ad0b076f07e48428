"""The interactive front-end, one prompt_toolkit role per module.

session.py runs the loop (`run_repl`) on a prompt built from validator.py,
completer.py, lexer.py, keys.py, toolbar.py and history.py; display.py
prints results and errors.  context.py (where the cursor is), evaluator.py
(running one input) and handles.py (describing torch handles) are plain
Python the others share.  Nothing here is imported until `run_repl` is:
`import tclish` never loads prompt_toolkit.
"""

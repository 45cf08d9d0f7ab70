#!/usr/bin/python3
# Writes workbook.xls, the .xls fixture of tests/solver/mdl_workbook_test.cpp (committed, so the tests need no
# Python). Regenerate with Debian's python3-xlwt: /usr/bin/python3 tests/solver/data/make_workbook_xls.py
import os
import xlwt

book = xlwt.Workbook()
inputs = book.add_sheet("Inputs")
for col, v in enumerate(["Time", 0, 2, 4]):
    inputs.write(0, col, v)  # row 1: the times
for col, v in enumerate(["demand", 10, 20, 40]):
    inputs.write(1, col, v)  # row 2: a series
inputs.write(2, 0, "rate")
inputs.write(2, 1, 0.25)  # B3: a constant
inputs.write(3, 0, "note")
inputs.write(3, 1, "text")  # B4: text where a number may be asked for
second = book.add_sheet("Second")
second.write(0, 0, 42)  # A1
book.save(os.path.join(os.path.dirname(os.path.abspath(__file__)), "workbook.xls"))

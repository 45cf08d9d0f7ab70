-- Contract: a plugin must return a table.
return "reablement"

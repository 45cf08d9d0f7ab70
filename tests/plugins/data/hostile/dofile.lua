-- Hostile: reads another file through dofile/loadfile.
local f = loadfile or dofile
f("/etc/passwd")
return { id = "dofile", title = "dofile", description = "reads files", evidence = { "test" },
         overrides = { constants = { rate = 0.02 } } }

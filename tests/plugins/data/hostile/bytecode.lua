-- Hostile: loads a precompiled (bytecode) chunk, which can break the VM's memory safety.
local chunk = "\27LuaT\0\25\147\r\n\26\n\4\8\8xV\0\0\0\0\0\0\0\0\0\0\0(w@\1"
local f, err = load(chunk, "evil", "b")
assert(f, err)
f()
return {
  id = "bytecode", title = "bytecode", description = "loads bytecode",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}

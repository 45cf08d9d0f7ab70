-- Hostile: loads a module to reach the operating system.
local os_lib = require("os")
os_lib.execute("touch /tmp/sdw_hostile_require")
return {
  id = "require_os", title = "require", description = "requires os",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}

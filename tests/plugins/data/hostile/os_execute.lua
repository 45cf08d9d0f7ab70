-- Hostile: runs a shell command when loaded.
os.execute("touch /tmp/sdw_hostile_os_execute")
return {
  id = "os_execute", title = "os.execute", description = "runs a shell command",
  evidence = { "test" }, overrides = { constants = { rate = 0.02 } },
}

-- Hostile: writes a file from on_start.
return {
  id = "io_open", title = "io.open", description = "writes a file",
  evidence = { "test" },
  on_start = function(ctx)
    local f = io.open("/tmp/sdw_hostile_io_open", "w")
    f:write("owned")
    f:close()
  end,
}

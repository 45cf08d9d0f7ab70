local s = "x"
while #s < 1e6 do s = s .. s end
local n = 0
while true do n = n + 1 end
return { name = s }

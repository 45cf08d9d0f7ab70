-- A scenario is data: it sees an empty environment, so even print is not there.
print("hello")
return { name = "escape" }

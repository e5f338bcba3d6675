-- Paces each wrk connection: waits LOAD_PAUSE_MS between a response and the next request,
-- so that the offered load stays below what the services can serve (load/run.sh sets it
-- from LOAD_RATE). Without it, wrk sends the next request at once.
local pause = tonumber(os.getenv("LOAD_PAUSE_MS") or "0")

if pause > 0 then
	delay = function()
		return pause
	end
end

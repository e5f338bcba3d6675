-- wrk script of the load runs: POST /orders with a small order of products in stock,
-- paid with a card the sample gateway accepts; every request a new customer id.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local counter = 0

request = function()
	counter = counter + 1
	local body = string.format('{"customerId":"load-%d","items":[{"sku":"BEANS-1KG","quantity":1},'
		.. '{"sku":"MUG-CLASSIC","quantity":2}],"cardNumber":"4242424242424242"}', counter)
	return wrk.format(nil, nil, nil, body)
end

-- Paced when load/run.sh is given LOAD_RATE (run from the repository root).
dofile("load/pace.lua")

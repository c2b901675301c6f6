-- Neovim 0.7's own LSP client against the bundled server: hover on `kind: Service`, pushed
-- diagnostics for an unnamed port, and completion of a targetPort. Run: nvim --headless -u NONE -i NONE -n FILE -c 'luafile probe.lua'
-- with KUBELORE_SERVER (dist/server.js) and KUBELORE_ROOT (the workspace folder) set. Exits 0, or 1 on failure.
local function say(text) io.stdout:write(text .. '\n') end
local function fail(text) error(text, 0) end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'yaml'
  local id = vim.lsp.start_client({
    name = 'kubelore',
    cmd = { 'node', os.getenv('KUBELORE_SERVER'), '--stdio' },
    root_dir = os.getenv('KUBELORE_ROOT'),
  })
  if not id then fail('the server did not start') end
  vim.lsp.buf_attach_client(buf, id)
  local initialized = vim.wait(20000, function()
    local client = vim.lsp.get_client_by_id(id)
    return client ~= nil and client.initialized == true
  end, 50)
  if not initialized then fail('no initialize answer in 20 s') end

  -- Hover on the value of `kind: Service` (line and column are 0-based in LSP).
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local line
  for i, text in ipairs(lines) do
    if text == 'kind: Service' then line = i - 1 end
  end
  if not line then fail('the file has no `kind: Service` line') end
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = 8 } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000) or {}
  local hover = ''
  for _, response in pairs(responses) do
    if response.error then fail('hover error: ' .. vim.inspect(response.error)) end
    local contents = response.result and response.result.contents
    if type(contents) == 'table' then hover = hover .. (contents.value or '') end
  end
  if not hover:find('Service', 1, true) then fail('the hover does not mention Service: ' .. hover) end
  say('nvim probe: hover on kind: Service: ' .. (hover:match('[^\n]+') or ''))

  -- Neovim 0.7 has no pull diagnostics: the server must push them.
  local function unnamed_port()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.message:find('no name', 1, true) and d.severity == vim.diagnostic.severity.ERROR then return d end
    end
  end
  if not vim.wait(20000, function() return unnamed_port() ~= nil end, 50) then
    fail('no unnamed-port error in 20 s; diagnostics: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  local d = unnamed_port()
  if lines[d.lnum + 1]:find('port: 9090', 1, true) == nil then fail('the error is on line ' .. (d.lnum + 1) .. ': ' .. lines[d.lnum + 1]) end
  say(string.format('nvim probe: diagnostic at %d:%d: %s', d.lnum + 1, d.col + 1, d.message))

  -- Completion of a targetPort: the container port names of the pods the Service selects.
  local target
  for i, text in ipairs(lines) do
    if not target and text:find('targetPort: http', 1, true) then target = i - 1 end
  end
  if not target then fail('the file has no `targetPort: http` line') end
  local column = lines[target + 1]:find('http', 1, true) - 1
  local completion = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
    { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = target, character = column } }, 10000) or {}
  local labels = {}
  for _, response in pairs(completion) do
    if response.error then fail('completion error: ' .. vim.inspect(response.error)) end
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(labels, item.label) end
  end
  if not vim.tbl_contains(labels, 'metrics') or not vim.tbl_contains(labels, 'http') then
    fail('targetPort completion does not offer the container ports: ' .. vim.inspect(labels))
  end
  say('nvim probe: targetPort completion: ' .. table.concat(labels, ', '))

  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
end)
if ok then
  say('nvim probe: passed')
  vim.cmd('qa!')
else
  say('nvim probe: FAIL: ' .. tostring(err))
  vim.cmd('cquit 1')
end

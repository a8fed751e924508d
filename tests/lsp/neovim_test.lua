-- Headless Neovim (0.7+) as the LSP client, configured with the Lua block of
-- docs/editor.md as a user would paste it: open the policy fixture, see it
-- linted, delete the change-notice paragraph (a change-notification
-- diagnostic appears), undo (it goes), hover, take the insert-clause code
-- action (it goes again), stop the client (shutdown + exit, status 0).
-- Run by neovim_test.sh; environment: CLAUSELINT_DOCS (docs/editor.md),
-- CLAUSELINT_POLICY (a copy of tests/lsp/policy.md), CLAUSELINT_RESULT (file
-- to write "PASS" or the failures to). Every wait has a timeout.
local failures = {}
local function check(ok, what, detail)
  if ok then
    io.stdout:write('ok: ' .. what .. '\n')
  else
    table.insert(failures, what .. (detail and (': ' .. vim.inspect(detail):sub(1, 600)) or ''))
    io.stdout:write('FAIL: ' .. failures[#failures] .. '\n')
  end
end
local function finish()
  local f = io.open(os.getenv('CLAUSELINT_RESULT'), 'w')
  f:write(#failures == 0 and 'PASS\n' or table.concat(failures, '\n') .. '\n')
  f:close()
  vim.cmd(#failures == 0 and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  -- Count publications, to know when the server has answered a change.
  local published = 0
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
    published = published + 1
    return default_handler(e, result, ctx, config)
  end

  -- The configuration block of docs/editor.md, as written there.
  local docs = table.concat(vim.fn.readfile(os.getenv('CLAUSELINT_DOCS')), '\n')
  local block = docs:match('<!%-%- neovim%-config:[^\n]*\n```lua\n(.-)\n```')
  assert(block, 'docs/editor.md has no neovim-config block')
  assert(loadstring(block))()

  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('CLAUSELINT_POLICY')))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.wait(20000, function() return published > 0 end, 50), 'diagnostics published on open')
  local clients = vim.lsp.buf_get_clients(buf)
  local client
  for _, c in pairs(clients) do if c.name == 'clauselint' then client = c end end
  check(client ~= nil, 'the clauselint client is attached to the buffer')
  local exit_code
  client.config.on_exit = function(code) exit_code = code end
  check(#vim.diagnostic.get(buf) == 0, 'the fixture has no findings', vim.diagnostic.get(buf))

  local function change_notification()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'change-notification' then return d end
    end
  end
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local notice, heading
  for i, l in ipairs(lines) do
    if l:find('^If we make a material change') then notice = i end
    if l:find('^## Changes to this policy') then heading = i end
  end

  -- Delete the change-notice paragraph as a writer would: dap.
  vim.api.nvim_win_set_cursor(0, { notice, 0 })
  vim.cmd('normal! dap')
  check(vim.wait(20000, function() return change_notification() ~= nil end, 50),
        'change-notification appears when the paragraph is deleted')
  local d = change_notification()
  check(d and d.lnum == heading - 1 and d.severity == vim.diagnostic.severity.ERROR and d.source == 'clauselint',
        'at the Changes heading, an error from clauselint', d)

  vim.cmd('undo')
  check(vim.wait(20000, function() return change_notification() == nil end, 50), 'undo: the diagnostic goes')
  check(vim.api.nvim_buf_get_lines(buf, notice - 1, notice, false)[1]:find('^If we make') ~= nil, 'undo restored the text')

  vim.api.nvim_win_set_cursor(0, { notice, 0 })
  vim.cmd('normal! dap')
  check(vim.wait(20000, function() return change_notification() ~= nil end, 50), 'deleted again: it is back')
  d = change_notification()
  local uri = vim.uri_from_bufnr(buf)

  -- Hover on the heading.
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = d.lnum, character = 3 } }, 10000)
  local text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then text = text .. r.result.contents.value end
  end
  check(text:find('change%-notification') and text:find('Sample clause'), 'hover: the rule explained, with a sample clause', text)

  -- Code actions; apply the insert-clause one.
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = range,
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum) },
  }, 10000)
  local insert, suppress
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.title:find('^Insert a sample clause') then insert = a end
      if a.title:find('^Suppress change%-notification') then suppress = a end
    end
  end
  check(insert ~= nil and suppress ~= nil, 'code actions: insert a sample clause, suppress', responses)
  if insert then
    vim.lsp.util.apply_workspace_edit(insert.edit, client.offset_encoding or 'utf-16')
    check(vim.wait(20000, function() return change_notification() == nil end, 50),
          'the inserted sample clause clears the diagnostic')
  end

  -- Stop: the client sends shutdown and exit; the server exits 0.
  vim.lsp.stop_client(client.id)
  check(vim.wait(20000, function() return exit_code ~= nil end, 50), 'the server exits after stop_client')
  check(exit_code == 0, 'exit status 0 after shutdown and exit', exit_code)
end)
if not ok then table.insert(failures, 'error: ' .. tostring(err)) end
finish()

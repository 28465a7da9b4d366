-- A second, independent LSP client: Neovim's built-in one. Starts `node dist/server.js --stdio`,
-- opens NHN_FILE, waits for the server's diagnostics and writes them (as Neovim stored them) to
-- NHN_OUT as JSON, then quits. Run: nvim --headless --clean -u NONE -c "luafile diagnostics.lua"
-- Written for Neovim 0.7 (Debian 12) and later: uses vim.lsp.start_client and vim.diagnostic.

local server = assert(os.getenv('NHN_SERVER'), 'NHN_SERVER not set')
local file = assert(os.getenv('NHN_FILE'), 'NHN_FILE not set')
local out = assert(os.getenv('NHN_OUT'), 'NHN_OUT not set')
local today = os.getenv('NHN_TODAY') or ''
local language = os.getenv('NHN_LANG') or 'en'

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local published = false
local client_id = vim.lsp.start_client({
  name = 'nhn',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
  init_options = { settings = { today = today, language = language } },
  settings = { nhn = { today = today, language = language } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if #result.diagnostics > 0 then published = true end
    end,
  },
})
if not client_id then finish({ error = 'could not start the server' }) return end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(20000, function() return published end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, code = d.code, source = d.source, message = d.message,
  })
end
local client = vim.lsp.get_client_by_id(client_id)
finish({
  timedOut = not ok,
  server = client and client.name or vim.NIL,
  diagnostics = diagnostics,
})

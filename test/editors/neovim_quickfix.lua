-- Drives asynctidy-clangd from Neovim's own LSP client, headless, as a user
-- of Debian 12's Neovim 0.7 would set it up (vim.lsp.start_client; 0.7 has
-- neither vim.lsp.start nor vim.lsp.config): opens FILE, waits for the
-- async-* diagnostics, prints them, applies the quick-fix of the first one
-- whose code is CHECK, and writes the buffer to OUT.
-- Environment: ASYNCTIDY_CLANGD, FILE, CHECK, OUT.
local clangd, file = os.getenv('ASYNCTIDY_CLANGD'), os.getenv('FILE')
local check, out = os.getenv('CHECK'), os.getenv('OUT')

local function say(line) io.stdout:write(line .. '\n') end
local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
end
local function ours(bufnr)
  return vim.tbl_filter(function(d) return tostring(code_of(d)):match('^async%-') end,
                        vim.diagnostic.get(bufnr))
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'asynctidy-clangd',
  cmd = { clangd, '--clang-tidy' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
vim.lsp.buf_attach_client(bufnr, client)
if not vim.wait(120000, function() return #ours(bufnr) > 0 end, 100) then
  say('no async-* diagnostics')
  vim.cmd('cquit 1')
end

local wanted
for _, d in ipairs(ours(bufnr)) do
  say(string.format('%d:%d: %s [%s]', d.lnum + 1, d.col + 1, d.message, code_of(d)))
  if not wanted and code_of(d) == check then wanted = d end
end
if not wanted then
  say('no diagnostic of ' .. check)
  vim.cmd('cquit 1')
end

-- Neovim 0.7 keeps the server's diagnostic without its range, message and
-- severity, which clangd needs to match it.
local lsp_diagnostic = vim.deepcopy(wanted.user_data.lsp)
lsp_diagnostic.message = wanted.message
lsp_diagnostic.severity = wanted.severity
lsp_diagnostic.source = wanted.source
lsp_diagnostic.range = {
  start = { line = wanted.lnum, character = wanted.col },
  ['end'] = { line = wanted.end_lnum, character = wanted.end_col },
}
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = lsp_diagnostic.range,
  context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
}, 30000)
local applied = false
for _, result in pairs(results or {}) do
  for _, action in ipairs(result.result or {}) do
    if not applied and action.edit then
      say('quick-fix: ' .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
    end
  end
end
if not applied then
  say('no quick-fix')
  vim.cmd('cquit 1')
end
vim.cmd('write! ' .. vim.fn.fnameescape(out))
vim.lsp.stop_client(client)
vim.cmd('qall!')

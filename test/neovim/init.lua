-- Kube Shepherd in Neovim 0.7+ (headless test): start the language server with the built-in client, open a broken
-- OWNERS file and a kep.yaml, collect diagnostics, a hover and a shepherd/ownersOf answer, write them as JSON to
-- $KS_OUT, quit. The Node test (neovim.test.ts) asserts on that file. Same setup as docs/neovim.md.
local root = os.getenv('KS_ROOT')
local cli = os.getenv('KS_CLI')
local out = os.getenv('KS_OUT')
local result = { errors = {} }

local function write_result()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function diags(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(list, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, code = code, source = d.source })
  end
  return list
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'kube-shepherd',
    cmd = { 'node', cli, 'lsp', '--stdio' },
    root_dir = root,
    on_exit = function(code) result.server_exit = code end,
  })
  assert(client_id, 'start_client failed')
  local function open(rel)
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. rel))
    local b = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(b, client_id)
    return b
  end
  local owners = open('docs/OWNERS')
  local kep = open('keps/sig-node/1234-sample-kep/kep.yaml')
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(20000, function() return client.initialized == true or (client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil) end, 50)
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  result.hover_provider = caps.hoverProvider or caps.hover or false
  vim.wait(20000, function() return #vim.diagnostic.get(owners) > 0 end, 50)
  -- KEP diagnostics may arrive a little later than the OWNERS ones published at start-up.
  vim.wait(5000, function() return #vim.diagnostic.get(kep) > 0 end, 50)
  result.owners_diagnostics = diags(owners)
  result.kep_diagnostics = diags(kep)
  result.owners_uri = vim.uri_from_bufnr(owners)
  result.kep_uri = vim.uri_from_bufnr(kep)

  -- Hover on the login `docs-writer` (docs/OWNERS line 3) and on `owning-sig` in kep.yaml.
  local function hover(bufnr, line, character)
    local r = client.request_sync('textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = line, character = character },
    }, 10000, bufnr)
    if r == nil then return { error = 'timeout' } end
    if r.err then return { error = r.err.message } end
    local h = r.result
    if h == nil or h == vim.NIL then return { empty = true } end
    local text = {}
    for _, l in ipairs(vim.lsp.util.convert_input_to_markdown_lines(h.contents)) do table.insert(text, l) end
    return { text = table.concat(text, '\n') }
  end
  result.owners_hover = hover(owners, 2, 6)
  result.kep_hover = hover(kep, 5, 14)

  local r = client.request_sync('shepherd/ownersOf', { uri = vim.uri_from_fname(root .. '/pkg/kubelet/kubelet.go') }, 10000, owners)
  if r and r.result and r.result ~= vim.NIL then
    result.owners_of = { sigs = vim.tbl_map(function(s) return s.id end, r.result.sigs), leafApprovers = r.result.leafApprovers, sigsVia = r.result.sigsVia }
  else
    result.owners_of = { error = r and r.err and r.err.message or 'no answer' }
  end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)
if not ok then table.insert(result.errors, tostring(err)) end
write_result()
vim.cmd('qa!')

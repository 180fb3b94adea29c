/**
 * The Lua side of the record-UDF runtime, loaded once into every engine: an Aerospike-flavoured
 * msgpack codec (on hex strings, so bytes cross the JS/Lua boundary unchanged), the `list`,
 * `map` and `bytes` types, the `record` and `aerospike` APIs, logging, the module table and the
 * entry points `__udf_register` and `__udf_apply` the JS side calls.
 */
export const LUA_PRELUDE = String.raw`
local spack, sunpack, schar, sbyte, sformat = string.pack, string.unpack, string.char, string.byte, string.format
local mtype = math.type
local USER_PATH = "/opt/aerospike/usr/udf/lua/"

-- A UDF must not reach the host process or its files.
for _, name in ipairs({ "exit", "execute", "remove", "rename", "tmpname", "getenv" }) do os[name] = nil end
for _, name in ipairs({ "popen", "open", "lines", "input", "output" }) do io[name] = nil end
dofile, loadfile = nil, nil

local function tohex(s) return (s:gsub(".", function(c) return sformat("%02x", sbyte(c)) end)) end

-- bytes ------------------------------------------------------------------------------------
local Bytes = {}
Bytes.__index = function(b, k)
  if mtype(k) == "integer" then local v = rawget(b, "_d"):byte(k); return v end
  return Bytes[k]
end
Bytes.__newindex = function(b, k, v)
  if mtype(k) ~= "integer" then error("bad bytes index", 2) end
  local d = rawget(b, "_d")
  if k > #d then d = d .. string.rep("\0", k - #d) end
  rawset(b, "_d", d:sub(1, k - 1) .. schar(v & 0xff) .. d:sub(k + 1))
end
Bytes.__len = function(b) return #rawget(b, "_d") end
Bytes.__tostring = function(b) return "Bytes(" .. tohex(rawget(b, "_d")) .. ")" end
Bytes.__eq = function(a, b) return rawget(a, "_d") == rawget(b, "_d") end
local function newbytes(data, ptype) return setmetatable({ _d = data, _t = ptype or 4 }, Bytes) end
bytes = setmetatable({}, { __call = function(_, n) return newbytes(string.rep("\0", n or 0)) end })
function bytes.size(b) return #rawget(b, "_d") end
function bytes.get_byte(b, i) return rawget(b, "_d"):byte(i) end
function bytes.set_byte(b, i, v) b[i] = v; return true end
function bytes.get_string(b, i, n) return rawget(b, "_d"):sub(i, i + n - 1) end
function bytes.set_string(b, i, s)
  local d = rawget(b, "_d")
  if i - 1 + #s > #d then d = d .. string.rep("\0", i - 1 + #s - #d) end
  rawset(b, "_d", d:sub(1, i - 1) .. s .. d:sub(i + #s)); return true
end
function bytes.append_string(b, s) rawset(b, "_d", rawget(b, "_d") .. s); return true end
function bytes.append_bytes(b, o, n) local d = rawget(o, "_d"); rawset(b, "_d", rawget(b, "_d") .. d:sub(1, n or #d)); return true end
function bytes.get_bytes(b, i, n) return newbytes(rawget(b, "_d"):sub(i, i + n - 1)) end
function bytes.set_size(b, n) local d = rawget(b, "_d"); rawset(b, "_d", #d >= n and d:sub(1, n) or d .. string.rep("\0", n - #d)); return true end
function bytes.get_type(b) return rawget(b, "_t") end
function bytes.set_type(b, t) rawset(b, "_t", t); return true end
Bytes.size = bytes.size

-- list -------------------------------------------------------------------------------------
local List = {}
local function newlist(items, flags) return setmetatable({ _v = items or {}, _n = #(items or {}), _f = flags }, List) end
List.__index = function(l, k)
  if mtype(k) == "integer" then return rawget(l, "_v")[k] end
  return List[k]
end
List.__newindex = function(l, k, v)
  if mtype(k) ~= "integer" or k < 1 then error("bad list index", 2) end
  rawget(l, "_v")[k] = v
  if k > rawget(l, "_n") then rawset(l, "_n", k) end
end
List.__len = function(l) return rawget(l, "_n") end
List.__tostring = function(l)
  local parts = {}
  for i = 1, rawget(l, "_n") do parts[#parts + 1] = tostring(rawget(l, "_v")[i]) end
  return "List(" .. table.concat(parts, ", ") .. ")"
end
list = setmetatable({}, { __call = function(_, t)
  local items, n = {}, 0
  if t then for i, v in ipairs(t) do items[i] = v; n = i end end
  local l = newlist(items); rawset(l, "_n", n); return l
end })
function list.size(l) return rawget(l, "_n") end
function list.append(l, v) local n = rawget(l, "_n") + 1; rawget(l, "_v")[n] = v; rawset(l, "_n", n); return l end
function list.prepend(l, v) table.insert(rawget(l, "_v"), 1, v); rawset(l, "_n", rawget(l, "_n") + 1); return l end
function list.insert(l, i, v) table.insert(rawget(l, "_v"), i, v); rawset(l, "_n", rawget(l, "_n") + 1); return l end
function list.remove(l, i) if i >= 1 and i <= rawget(l, "_n") then table.remove(rawget(l, "_v"), i); rawset(l, "_n", rawget(l, "_n") - 1) end return l end
function list.take(l, n) local out = list(); for i = 1, math.min(n, rawget(l, "_n")) do list.append(out, l[i]) end return out end
function list.drop(l, n) local out = list(); for i = n + 1, rawget(l, "_n") do list.append(out, l[i]) end return out end
function list.trim(l, n) for i = rawget(l, "_n"), n + 1, -1 do rawget(l, "_v")[i] = nil end rawset(l, "_n", math.min(n, rawget(l, "_n"))); return l end
function list.clone(l) local out = list(); for i = 1, rawget(l, "_n") do list.append(out, l[i]) end return out end
function list.concat(l, o) for i = 1, rawget(o, "_n") do list.append(l, o[i]) end return l end
function list.merge(l, o) local out = list.clone(l); return list.concat(out, o) end
function list.iterator(l) local i = 0; return function() i = i + 1; if i <= rawget(l, "_n") then return l[i] end end end
List.size = list.size

-- map --------------------------------------------------------------------------------------
local Map = {}
local NILKEY = {}
local function newmap(flags) return setmetatable({ _k = {}, _v = {}, _f = flags }, Map) end
local function mkey(k)
  if type(k) == "table" and getmetatable(k) == Bytes then return "b:" .. rawget(k, "_d") end
  if mtype(k) == "float" and k == math.floor(k) then return "f:" .. tostring(k) end
  return k
end
-- Maps keep their keys in the server's msgpack order (as its ordered maps do): nil, false,
-- true, integers, strings, lists, maps, bytes, floats; numbers and strings by value.
local function krank(k)
  local t = type(k)
  if t == "boolean" then return k and 2 or 1 end
  if t == "number" then return mtype(k) == "integer" and 3 or 8 end
  if t == "string" then return 4 end
  local mt = getmetatable(k)
  if mt == List then return 5 elseif mt == Map then return 6 elseif mt == Bytes then return 7 end
  return 9
end
local function kless(a, b)
  local ra, rb = krank(a), krank(b)
  if ra ~= rb then return ra < rb end
  if ra == 3 or ra == 4 or ra == 8 then return a < b end
  if ra == 7 then return rawget(a, "_d") < rawget(b, "_d") end
  return false
end
local function mapset(m, k, v)
  local id = mkey(k)
  local keys, vals = rawget(m, "_k"), rawget(m, "_v")
  if v == nil then
    if vals[id] ~= nil then
      vals[id] = nil
      for i, kk in ipairs(keys) do if mkey(kk) == id then table.remove(keys, i); break end end
    end
    return
  end
  if vals[id] == nil then
    local lo, hi = 1, #keys + 1
    while lo < hi do
      local mid = (lo + hi) // 2
      if kless(k, keys[mid]) then hi = mid else lo = mid + 1 end
    end
    table.insert(keys, lo, k)
  end
  vals[id] = v
end
Map.__index = function(m, k) local v = rawget(m, "_v")[mkey(k)]; if v ~= nil then return v end return nil end
Map.__newindex = function(m, k, v) mapset(m, k, v) end
Map.__len = function(m) return #rawget(m, "_k") end
Map.__tostring = function(m)
  local parts = {}
  for _, k in ipairs(rawget(m, "_k")) do parts[#parts + 1] = tostring(k) .. "=" .. tostring(m[k]) end
  return "Map(" .. table.concat(parts, ", ") .. ")"
end
map = setmetatable({}, { __call = function(_, t)
  local m = newmap()
  if t then for k, v in pairs(t) do mapset(m, k, v) end end
  return m
end })
function map.size(m) return #rawget(m, "_k") end
function map.remove(m, k) mapset(m, k, nil); return m end
function map.keys(m) local i, ks = 0, rawget(m, "_k"); return function() i = i + 1; return ks[i] end end
function map.values(m) local i, ks = 0, rawget(m, "_k"); return function() i = i + 1; local k = ks[i]; if k ~= nil then return m[k] end end end
function map.pairs(m) local i, ks = 0, rawget(m, "_k"); return function() i = i + 1; local k = ks[i]; if k ~= nil then return k, m[k] end end end
map.iterator = map.pairs
function map.clone(m) local out = newmap(rawget(m, "_f")); for k, v in map.pairs(m) do mapset(out, k, v) end return out end
function map.merge(a, b, f) local out = map.clone(a); for k, v in map.pairs(b) do local old = out[k]; if old ~= nil and f then v = f(old, v) end mapset(out, k, v) end return out end
function map.diff(a, b) local out = newmap(); for k, v in map.pairs(a) do if b[k] == nil then mapset(out, k, v) end end for k, v in map.pairs(b) do if a[k] == nil then mapset(out, k, v) end end return out end
Map.size = map.size

-- msgpack ----------------------------------------------------------------------------------
local decode
local function decodestr(s, pos, n)
  local payload = s:sub(pos, pos + n - 1)
  local t = payload:byte(1)
  if t == 3 then return payload:sub(2), pos + n end
  if t == 23 then return payload:sub(2), pos + n end
  return newbytes(payload:sub(2), t), pos + n
end
local function decodearray(s, pos, n)
  local items, flags, count = {}, nil, 0
  for i = 1, n do
    local v, ext
    v, pos, ext = decode(s, pos)
    if ext ~= nil and i == 1 then flags = ext else count = count + 1; items[count] = v end
  end
  local l = newlist(items, flags); rawset(l, "_n", count); return l, pos
end
local function decodemap(s, pos, n)
  local m = newmap()
  for i = 1, n do
    local k, v, ext
    k, pos, ext = decode(s, pos)
    v, pos = decode(s, pos)
    if ext ~= nil and i == 1 then rawset(m, "_f", ext) else mapset(m, k, v) end
  end
  return m, pos
end
local function ext(s, pos, n)
  local t = sunpack(">i1", s, pos)
  return nil, pos + 1 + n, t
end
decode = function(s, pos)
  local b = s:byte(pos); pos = pos + 1
  if b <= 0x7f then return b, pos end
  if b >= 0xe0 then return b - 256, pos end
  if b >= 0xa0 and b <= 0xbf then return decodestr(s, pos, b - 0xa0) end
  if b >= 0x90 and b <= 0x9f then return decodearray(s, pos, b - 0x90) end
  if b >= 0x80 and b <= 0x8f then return decodemap(s, pos, b - 0x80) end
  if b == 0xc0 then return nil, pos end
  if b == 0xc2 then return false, pos end
  if b == 0xc3 then return true, pos end
  if b == 0xcc then return sunpack(">I1", s, pos) end
  if b == 0xcd then return sunpack(">I2", s, pos) end
  if b == 0xce then return sunpack(">I4", s, pos) end
  if b == 0xcf then return sunpack(">i8", s, pos) end
  if b == 0xd0 then return sunpack(">i1", s, pos) end
  if b == 0xd1 then return sunpack(">i2", s, pos) end
  if b == 0xd2 then return sunpack(">i4", s, pos) end
  if b == 0xd3 then return sunpack(">i8", s, pos) end
  if b == 0xca then return sunpack(">f", s, pos) end
  if b == 0xcb then return sunpack(">d", s, pos) end
  if b == 0xd9 or b == 0xc4 then local n; n, pos = sunpack(">I1", s, pos); if b == 0xc4 then return newbytes(s:sub(pos, pos + n - 1)), pos + n end return decodestr(s, pos, n) end
  if b == 0xda or b == 0xc5 then local n; n, pos = sunpack(">I2", s, pos); if b == 0xc5 then return newbytes(s:sub(pos, pos + n - 1)), pos + n end return decodestr(s, pos, n) end
  if b == 0xdb or b == 0xc6 then local n; n, pos = sunpack(">I4", s, pos); if b == 0xc6 then return newbytes(s:sub(pos, pos + n - 1)), pos + n end return decodestr(s, pos, n) end
  if b == 0xdc then local n; n, pos = sunpack(">I2", s, pos); return decodearray(s, pos, n) end
  if b == 0xdd then local n; n, pos = sunpack(">I4", s, pos); return decodearray(s, pos, n) end
  if b == 0xde then local n; n, pos = sunpack(">I2", s, pos); return decodemap(s, pos, n) end
  if b == 0xdf then local n; n, pos = sunpack(">I4", s, pos); return decodemap(s, pos, n) end
  if b == 0xd4 then return ext(s, pos, 1) end
  if b == 0xd5 then return ext(s, pos, 2) end
  if b == 0xd6 then return ext(s, pos, 4) end
  if b == 0xd7 then return ext(s, pos, 8) end
  if b == 0xd8 then return ext(s, pos, 16) end
  if b == 0xc7 then local n; n, pos = sunpack(">I1", s, pos); return ext(s, pos, n) end
  if b == 0xc8 then local n; n, pos = sunpack(">I2", s, pos); return ext(s, pos, n) end
  if b == 0xc9 then local n; n, pos = sunpack(">I4", s, pos); return ext(s, pos, n) end
  error("bad msgpack byte " .. b)
end

local encode
local function strheader(out, n)
  if n < 32 then out[#out + 1] = schar(0xa0 + n)
  elseif n < 256 then out[#out + 1] = spack(">BI1", 0xd9, n)
  elseif n < 65536 then out[#out + 1] = spack(">BI2", 0xda, n)
  else out[#out + 1] = spack(">BI4", 0xdb, n) end
end
local function count(out, n, fix, b16, b32)
  if n < 16 then out[#out + 1] = schar(fix + n)
  elseif n < 65536 then out[#out + 1] = spack(">BI2", b16, n)
  else out[#out + 1] = spack(">BI4", b32, n) end
end
local function flagsext(out, f) out[#out + 1] = spack(">BBB", 0xc7, 0, f) end
encode = function(out, v)
  local t = type(v)
  if v == nil then out[#out + 1] = "\xc0"
  elseif t == "boolean" then out[#out + 1] = v and "\xc3" or "\xc2"
  elseif t == "number" then
    if mtype(v) == "integer" then
      if v >= 0 then
        if v < 128 then out[#out + 1] = schar(v)
        elseif v < 256 then out[#out + 1] = spack(">BI1", 0xcc, v)
        elseif v < 65536 then out[#out + 1] = spack(">BI2", 0xcd, v)
        elseif v < 4294967296 then out[#out + 1] = spack(">BI4", 0xce, v)
        else out[#out + 1] = spack(">Bi8", 0xcf, v) end
      else
        if v >= -32 then out[#out + 1] = spack(">i1", v)
        elseif v >= -128 then out[#out + 1] = spack(">Bi1", 0xd0, v)
        elseif v >= -32768 then out[#out + 1] = spack(">Bi2", 0xd1, v)
        elseif v >= -2147483648 then out[#out + 1] = spack(">Bi4", 0xd2, v)
        else out[#out + 1] = spack(">Bi8", 0xd3, v) end
      end
    else out[#out + 1] = spack(">Bd", 0xcb, v) end
  elseif t == "string" then strheader(out, #v + 1); out[#out + 1] = "\3"; out[#out + 1] = v
  elseif t == "table" then
    local mt = getmetatable(v)
    if mt == Bytes then local d = rawget(v, "_d"); strheader(out, #d + 1); out[#out + 1] = schar(rawget(v, "_t")); out[#out + 1] = d
    elseif mt == List then
      local n, f = rawget(v, "_n"), rawget(v, "_f")
      count(out, n + (f and 1 or 0), 0x90, 0xdc, 0xdd)
      if f then flagsext(out, f) end
      for i = 1, n do encode(out, rawget(v, "_v")[i]) end
    elseif mt == Map then
      local ks, f = rawget(v, "_k"), rawget(v, "_f")
      count(out, #ks + (f and 1 or 0), 0x80, 0xde, 0xdf)
      if f then flagsext(out, f); out[#out + 1] = "\xc0" end
      for _, k in ipairs(ks) do encode(out, k); encode(out, v[k]) end
    else out[#out + 1] = "\xc0" end
  else out[#out + 1] = "\xc0" end
end
local function pack(v) local out = {}; encode(out, v); return table.concat(out) end

-- record and aerospike -----------------------------------------------------------------------
local Record = {}
local state = {}
Record.__index = function(r, k) local s = state[r]; local v = s.pending[k]; if v ~= nil then if v == NILKEY then return nil end return v end return s.bins[k] end
Record.__newindex = function(r, k, v)
  local s = state[r]
  if v == nil then s.pending[k] = NILKEY else s.pending[k] = v end
  s.order[#s.order + 1] = k
end
local function newrecord(meta)
  local r = setmetatable({}, Record)
  state[r] = { exists = meta[1], bins = {}, gen = meta[3], ttl = meta[4], setname = meta[5], digest = meta[6] and rawget(meta[6], "_d"),
    key = meta[7], lut = meta[8], pending = {}, order = {}, changes = {}, action = 0, newttl = nil, dropkey = false, names = {} }
  local s = state[r]
  for k, v in map.pairs(meta[2]) do s.bins[k] = v; s.names[#s.names + 1] = k end
  return r
end
local function flush(s)
  local seen = {}
  for _, k in ipairs(s.order) do
    if not seen[k] then
      seen[k] = true
      local v = s.pending[k]
      if v == NILKEY then s.bins[k] = nil; s.changes[#s.changes + 1] = { k, nil }
      else s.bins[k] = v; s.changes[#s.changes + 1] = { k, v } end
    end
  end
  s.pending, s.order = {}, {}
end
aerospike = {}
function aerospike:exists(r) return state[r].exists end
function aerospike:create(r) local s = state[r]; if s.exists then return 1 end flush(s); s.exists = true; s.action = 1; return 0 end
function aerospike:update(r) local s = state[r]; flush(s); s.exists = true; s.action = 1; return 0 end
function aerospike:remove(r) local s = state[r]; s.exists = false; s.bins = {}; s.changes = {}; s.pending = {}; s.order = {}; s.action = 2; return 0 end
function aerospike:get_current_time() return __now() end
function aerospike:log(level, msg) __log(level, tostring(msg)) end
function aerospike:set_context() return 0 end
function aerospike:get_config() return nil end
record = {}
function record.ttl(r) return state[r].ttl end
function record.gen(r) return state[r].gen end
function record.setname(r) return state[r].setname end
function record.key(r) return state[r].key end
function record.digest(r) local d = state[r].digest; if d then return newbytes(d) end return nil end
function record.last_update_time(r) return state[r].lut end
function record.set_ttl(r, ttl) state[r].newttl = ttl end
function record.drop_key(r) state[r].dropkey = true end
function record.numbins(r) local n = 0; for _ in pairs(state[r].bins) do n = n + 1 end return n end
function record.bin_names(r) local out = {}; for k in pairs(state[r].bins) do out[#out + 1] = k end return out end
function record.size(r) return 0 end
record.device_size = record.size
record.memory_size = record.size
function trace(...) __log(4, sformat(...)) end
function debug(...) __log(3, sformat(...)) end
function info(...) __log(2, sformat(...)) end
function warn(...) __log(1, sformat(...)) end

-- modules and entry points -------------------------------------------------------------------
local modules = {}
function __udf_register(name, src)
  local env = setmetatable({}, { __index = _G })
  local fn, err = load(src, "@" .. USER_PATH .. name .. ".lua", "t", env)
  if not fn then return err end
  local ok, e = pcall(fn)
  if not ok then return tostring(e) end
  modules[name] = env
  return nil
end
function __udf_compile(filename, src)
  local fn, err = load(src, "@" .. filename, "t", {})
  if fn then return nil end
  return err
end
function __udf_unregister(name) modules[name] = nil end

local function result(...)
  local t = table.pack(...)
  local l = newlist({})
  for i = 1, t.n do rawget(l, "_v")[i] = t[i] end
  rawset(l, "_n", t.n)
  return pack(l)
end

function __udf_apply(name, fname, argbytes, metabytes)
  local env = modules[name]
  if env == nil then return result(1, "UDF: Execution Error 1") end
  local fn = rawget(env, fname)
  if type(fn) ~= "function" then return result(1, "function not found") end
  local args = decode(argbytes, 1)
  local meta = decode(metabytes, 1)
  local r = newrecord(rawget(meta, "_v"))
  local argv = rawget(args, "_v")
  local ok, ret = pcall(fn, r, table.unpack(argv, 1, rawget(args, "_n")))
  if not ok then
    if type(ret) == "table" and getmetatable(ret) == nil then ret = "UDF: Execution Error 1" end
    return result(1, tostring(ret))
  end
  local s = state[r]
  state[r] = nil
  local changes = list()
  for _, c in ipairs(s.changes) do list.append(changes, list({ c[1], c[2] })) end
  if getmetatable(ret) == Record then ret = nil end
  return result(0, ret, s.action, changes, s.newttl, s.dropkey)
end
`;

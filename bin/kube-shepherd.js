#!/usr/bin/env node
'use strict';
// The CLI bundle, compiled with a V8 code cache when possible (see codeCache.js); a plain require otherwise.
const path = require('node:path');
require('./codeCache.js').runBundle(path.join(__dirname, '..', 'dist', 'cli.js'), process.argv[2]);

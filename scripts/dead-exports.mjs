// Exports of bot/src and tabs/src that nothing imports. The TypeScript checker resolves every import
// (through re-exports) and dynamic import() in the project (tsconfig.json's files, plus bench/ and scripts/
// JavaScript) to the declaration it names; an export no other file reaches is dead: delete it, or
// drop `export` when its own file still uses it.
//   node scripts/dead-exports.mjs          (lists them; exit 1 when there are any)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHECKED = ['bot/src/', 'tabs/src/'];

/**
 * @param {string} [root]
 * @returns {{ file: string; name: string; onlyTests: boolean }[]}
 */
export function findDeadExports(root = ROOT) {
  // The root tsconfig only references the service, the tab and the tests: one program over all three,
  // with the tests' options (DOM and Node types), so every import between them resolves to sources.
  const parse = (/** @type {string} */ dir) => {
    const { config } = ts.readConfigFile(path.join(root, dir, 'tsconfig.json'), ts.sys.readFile);
    return ts.parseJsonConfigFileContent(config, ts.sys, path.join(root, dir));
  };
  const projects = ['bot', 'tabs', 'tests'].map(parse);
  const tests = projects[2];
  if (!tests) throw new Error('no tests/tsconfig.json');
  const parsed = {
    fileNames: [...new Set(projects.flatMap((p) => p.fileNames))],
    options: { ...tests.options, composite: false, incremental: false },
  };
  // bench/*.mjs and scripts/*.mjs import from the app too.
  const js = ts.sys.readDirectory(root, ['.mjs'], ['node_modules', 'dist'], ['bench/**/*', 'scripts/**/*']);
  const program = ts.createProgram({
    rootNames: [...parsed.fileNames, ...js],
    options: { ...parsed.options, allowJs: true, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const relative = (/** @type {string} */ fileName) => path.relative(root, fileName).split(path.sep).join('/');
  const ours = program
    .getSourceFiles()
    .filter((sf) => !sf.isDeclarationFile && !relative(sf.fileName).startsWith('..') && !sf.fileName.includes('/node_modules/'));

  /** @type {Map<ts.Symbol, Set<string>>} who reaches each declaration */
  const usedBy = new Map();
  const target = (/** @type {ts.Symbol} */ symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const use = (/** @type {ts.Symbol | undefined} */ symbol, /** @type {string} */ from) => {
    if (!symbol) return;
    const declared = target(symbol);
    const users = usedBy.get(declared) ?? new Set();
    users.add(from);
    usedBy.set(declared, users);
  };
  const useModule = (/** @type {ts.Node} */ specifier, /** @type {string} */ from) => {
    const moduleSymbol = checker.getSymbolAtLocation(specifier);
    if (moduleSymbol) for (const exported of checker.getExportsOfModule(moduleSymbol)) use(exported, from);
  };

  for (const sf of ours) {
    const from = relative(sf.fileName);
    const visit = (/** @type {ts.Node} */ node) => {
      if (ts.isImportDeclaration(node) && node.importClause) {
        const clause = node.importClause;
        if (clause.name) use(checker.getSymbolAtLocation(clause.name), from);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) useModule(node.moduleSpecifier, from);
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) use(checker.getSymbolAtLocation(el.name), from);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0]) {
        useModule(node.arguments[0], from);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        useModule(node.argument.literal, from);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const isTest = (/** @type {string} */ file) => file.startsWith('tests/') || /\.spec\.tsx?$/.test(file);
  /** @type {{ file: string; name: string; onlyTests: boolean }[]} */
  const found = [];
  for (const sf of ours) {
    const file = relative(sf.fileName);
    if (!CHECKED.some((dir) => file.startsWith(dir)) || isTest(file)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      // A re-export (`export * from`) is judged where it is declared: importers resolve to that declaration.
      if (!target(exported).declarations?.some((d) => d.getSourceFile() === sf)) continue;
      const users = [...(usedBy.get(target(exported)) ?? [])].filter((user) => user !== file);
      if (users.length === 0) found.push({ file, name: exported.name, onlyTests: false });
      else if (users.every(isTest)) found.push({ file, name: exported.name, onlyTests: true });
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const found = findDeadExports();
  const dead = found.filter((f) => !f.onlyTests);
  for (const { file, name } of dead) console.log(`${file}: ${name}`);
  if (process.argv.includes('--tests'))
    for (const { file, name } of found.filter((f) => f.onlyTests)) console.log(`(tests only) ${file}: ${name}`);
  process.exit(dead.length === 0 ? 0 : 1);
}

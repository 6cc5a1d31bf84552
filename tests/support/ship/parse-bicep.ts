/**
 * A structural reading of a Bicep file, enough to check what the template declares without a Bicep
 * compiler (none can be had offline here): parameters with their decorators, resources with their
 * types and bodies, variables and outputs.
 */
export interface BicepParam {
  readonly name: string;
  readonly type: string;
  readonly decorators: readonly string[];
  readonly hasDefault: boolean;
}

export interface BicepBlock {
  readonly name: string;
  /** For resources: 'Microsoft.Web/sites@2023-12-01'. */
  readonly type: string;
  /** The text from the declaration to its closing bracket. */
  readonly body: string;
}

export interface BicepOutput {
  readonly name: string;
  readonly type: string;
  readonly expression: string;
}

export interface Bicep {
  readonly params: readonly BicepParam[];
  readonly resources: readonly BicepBlock[];
  readonly variables: readonly BicepBlock[];
  readonly outputs: readonly BicepOutput[];
}

/** From `start` (an opening bracket), the index after its matching closing bracket; skips strings and comments. */
function closeOf(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unclosed bracket at ${start}`);
}

/** The declaration's whole value: up to the end of the line, or of the bracketed block it opens. */
function valueFrom(text: string, start: number): string {
  let end = start;
  for (;;) {
    while (end < text.length && text[end] !== '\n') {
      if ('{[('.includes(text[end] ?? '')) end = closeOf(text, end) - 1;
      end++;
    }
    // A conditional continues on the next line: `cond\n  ? a\n  : b`.
    if (!/^\n\s*[?:]/.test(text.slice(end, end + 40))) return text.slice(start, end);
    end++;
  }
}

export function parseBicep(text: string): Bicep {
  const params: BicepParam[] = [];
  const resources: BicepBlock[] = [];
  const variables: BicepBlock[] = [];
  const outputs: BicepOutput[] = [];
  let decorators: string[] = [];
  for (const match of text.matchAll(/^(@.*|param .*|resource .*|var .*|output .*|\/\/.*|\s*)$/gm)) {
    const line = match[0];
    const at = match.index;
    if (line.startsWith('@')) {
      decorators.push(line.trim());
      continue;
    }
    const param = /^param (\w+) (\w+)(\s*=.*)?$/.exec(line);
    if (param?.[1] && param[2]) params.push({ name: param[1], type: param[2], decorators, hasDefault: param[3] !== undefined });
    const resource = /^resource (\w+) '([^']+)'/.exec(line);
    if (resource?.[1] && resource[2]) resources.push({ name: resource[1], type: resource[2], body: valueFrom(text, at) });
    const variable = /^var (\w+) = /.exec(line);
    if (variable?.[1]) variables.push({ name: variable[1], type: 'var', body: valueFrom(text, at + variable[0].length) });
    const output = /^output (\w+) (\w+) = /.exec(line);
    if (output?.[1] && output[2]) outputs.push({ name: output[1], type: output[2], expression: valueFrom(text, at + output[0].length) });
    if (!line.startsWith('//')) decorators = [];
  }
  return { params, resources, variables, outputs };
}

/** The app setting names in an array (or in each branch of a `cond ? [..] : [..]`) of `{ name: 'X', value: ... }`. */
export function settingNames(arrayText: string): string[][] {
  const branches: string[][] = [];
  for (let i = 0; i < arrayText.length; i++) {
    if (arrayText[i] === '[') {
      const end = closeOf(arrayText, i);
      branches.push([...arrayText.slice(i, end).matchAll(/name: '([A-Za-z0-9_]+)'/g)].map((m) => m[1] ?? ''));
      i = end;
    }
  }
  return branches;
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** Our own Handlebars: never HTML-escapes (we write code, not HTML); unknown names are errors. */
const hbs = Handlebars.create();

/** How every template compiles: verbatim output (no HTML escaping), unknown names are errors. */
const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/**
 * Where compiled templates are kept between runs: Handlebars' own precompiled form
 * (`Handlebars.precompile`, loaded back with `Handlebars.template`, as its docs describe for
 * precompiled templates), one file per template named by a hash of the Handlebars version, the
 * options and the source — so an edited template or an upgraded Handlebars never meets a stale one.
 */
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/scaffold-templates', import.meta.url));

/** Compiled templates by source: one generator run renders the same templates several times. */
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * Compiles a template once per process, and once per machine: compiling is most of a generator
 * run's rendering time, so the precompiled form is cached on disk (see {@link CACHE_DIR}).
 *
 * @param template - Handlebars source.
 * @returns the render function.
 */
function compile(template: string): HandlebarsTemplateDelegate {
  const known = compiled.get(template);
  if (known !== undefined) return known;
  const key = createHash('sha256').update(`${Handlebars.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}\0${template}`).digest('hex').slice(0, 32);
  const file = join(CACHE_DIR, `${key}.js`);
  let spec = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (spec === undefined) {
    spec = hbs.precompile(template, COMPILE_OPTIONS) as string;
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      // Written aside and renamed: a concurrent run never reads half a file.
      writeFileSync(`${file}.${process.pid}`, spec);
      renameSync(`${file}.${process.pid}`, file);
    } catch {
      // A read-only checkout just compiles every time.
    }
  }
  // Handlebars' precompiled spec is an object literal in JavaScript source, written by precompile above.
  const render = hbs.template(new Function(`return ${spec};`)() as TemplateSpecification);
  compiled.set(template, render);
  return render;
}

/** Shared partials (`{{> name}}`): every `templates/partials/<name>.hbs`, e.g. the `--auth` variants of module files; compiled once. */
const PARTIALS = fileURLToPath(new URL('../templates/partials', import.meta.url));
if (existsSync(PARTIALS)) {
  for (const file of readdirSync(PARTIALS).filter((f) => f.endsWith('.hbs'))) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), compile(readFileSync(join(PARTIALS, file), 'utf8')));
  }
}

/** The envelope of the root view (see `envelopeView` in endpoint/view.ts), or false. */
function envelopeOf(options: Handlebars.HelperOptions): { item: string; list: string } | false {
  return (options.data as { root: { envelope?: { item: string; list: string } | false } }).root.envelope ?? false;
}
/** `{{#asItem}}expr{{/asItem}}`: a row as the service answers it: `expr`, or `{ <entity>: expr }` under the wire envelope. */
hbs.registerHelper('asItem', function (this: unknown, options: Handlebars.HelperOptions) {
  const env = envelopeOf(options);
  const inner = options.fn(this);
  return env ? `{ ${env.item}: ${inner} }` : inner;
});
/** `{{#asPage}}expr{{/asPage}}`: a page as the service answers it: `expr`, or `pageEnvelope('<module>', expr)` under the wire envelope. */
hbs.registerHelper('asPage', function (this: unknown, options: Handlebars.HelperOptions) {
  const env = envelopeOf(options);
  const inner = options.fn(this);
  return env ? `pageEnvelope('${env.list}', ${inner})` : inner;
});

/**
 * Renders one template string.
 *
 * @param template - Handlebars source.
 * @param view - the values it may use.
 * @returns the rendered text, verbatim (no HTML escaping).
 * @throws when the template names a value the view lacks (strict mode).
 */
export function renderString(template: string, view: object): string {
  return compile(template)(view);
}

/** One file a template folder renders to. */
export interface RenderedFile {
  /** Path relative to the target service root, `/`-separated. */
  path: string;
  content: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Renders every `*.hbs` file of a template folder. Path segments `[key]` are replaced with
 * `pathVars[key]`; the `.hbs` suffix is dropped.
 *
 * @param templateDir - absolute folder of templates, mirroring the service layout.
 * @param view - the values templates may use.
 * @param pathVars - values for `[key]` placeholders in paths.
 * @returns the rendered files, sorted by path.
 * @throws when a path placeholder has no value or a template fails to render.
 */
export function renderTree(templateDir: string, view: object, pathVars: Record<string, string>): RenderedFile[] {
  return listFiles(templateDir)
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => {
      const rel = relative(templateDir, file).split('\\').join('/').replace(/\.hbs$/, '');
      const path = rel.replace(/\[([a-zA-Z]+)\]/g, (_m, key: string) => {
        const value = pathVars[key];
        if (value === undefined) throw new Error(`No value for path placeholder [${key}] in ${rel}`);
        return value;
      });
      return { path, content: renderString(readFileSync(file, 'utf8'), view) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

// The compared libraries' stylesheets: the pages import them for their side effect (esbuild
// bundles them, bench/run.mjs) and the packages ship no type declarations for them.
declare module '@annotorious/annotorious/annotorious.css';
declare module '@annotorious/openseadragon/annotorious-openseadragon.css';
declare module '@recogito/text-annotator/text-annotator.css';

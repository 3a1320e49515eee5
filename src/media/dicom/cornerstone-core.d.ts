// cornerstone-core ships no types. Its minified UMD build is typed `unknown` here; cornerstone.ts
// checks the shape at run time and gives the rest of labelkit a small typed API.
declare module 'cornerstone-core/dist/cornerstone.min.js' {
  const cornerstone: unknown;
  export default cornerstone;
}

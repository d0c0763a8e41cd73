// Modules without their own type declarations.

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const extension: Ext;
  export default extension;
}

declare module '@fontsource-variable/vazirmatn';

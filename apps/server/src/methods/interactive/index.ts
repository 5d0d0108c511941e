export { interactivePlugin, type InteractivePluginOptions } from './plugin';
export { resolveBackbone, BACKBONE_CHOICES, type BackboneChoice, type ResolvedBackbone } from './backbone';
export { InteractiveEngine } from './engine';
export { SessionStore } from './sessions';
export { maskOutline } from './mask-outline';
export { simplifyClosedPolygon } from './simplify-polygon';

// Navigation: how a feature module asks for another view. Feature modules
// (search, neighbourhood, paths, details, evidence, edge types, table)
// import no other feature; a button in one that leads elsewhere calls
// nav.*, which the controller (controller.js) implements. So the
// controller alone decides what is drawn, what is selected and what the
// URL says, and the modules' imports form no loop.

const handlers = {};

// implementNavigation is called once, by the controller.
export function implementNavigation(h) {
  Object.assign(handlers, h);
}

const call = (name) => (...args) => {
  const f = handlers[name];
  if (!f) throw new Error(`navigation: no handler for ${name}`);
  return f(...args);
};

export const nav = {
  openNode: call('openNode'), // (id, { push, expanded, sel }): draw a node's neighbourhood
  expand: call('expand'), // (id): add a node's neighbours to the view
  select: call('select'), // (id, { push }): select a node or claim, show its details
  choosePath: call('choosePath'), // (index): draw another of the paths found
  pathsFrom: call('pathsFrom'), // (id): prepare path mode from a node
  pathsTo: call('pathsTo'), // (id): prepare path mode to a node
  typesChanged: call('typesChanged'), // (): the edge types were changed
};

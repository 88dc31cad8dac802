// The side panel's tabs (Neighbourhood, Paths, Table), with the keyboard
// behaviour of the ARIA tabs pattern. The Table tab also swaps the graph
// for the table in the main area.

import { $ } from './dom.js';

export const TABS = ['explore', 'paths', 'table'];

let onSelect = () => {};

export function selectTab(which, focus) {
  for (const name of TABS) {
    const on = name === which;
    const tab = $(`#tab-${name}`);
    tab.setAttribute('aria-selected', on ? 'true' : 'false');
    tab.tabIndex = on ? 0 : -1;
    $(`#panel-${name}`).hidden = !on;
    if (on && focus) tab.focus();
  }
  $('#table-view').hidden = which !== 'table';
  $('#canvas-wrap').hidden = which === 'table';
}

// setupTabs wires the tabs; selected(name) is told of a tab the user
// chose (not of one chosen by selectTab).
export function setupTabs(selected) {
  onSelect = selected;
  for (const name of TABS) {
    const tab = $(`#tab-${name}`);
    tab.addEventListener('click', () => {
      selectTab(name, false);
      onSelect(name);
    });
    tab.addEventListener('keydown', (ev) => {
      const i = TABS.indexOf(name);
      let j = null;
      if (ev.key === 'ArrowRight') j = (i + 1) % TABS.length;
      else if (ev.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length;
      else if (ev.key === 'Home') j = 0;
      else if (ev.key === 'End') j = TABS.length - 1;
      if (j === null) return;
      ev.preventDefault();
      selectTab(TABS[j], true);
      onSelect(TABS[j]);
    });
  }
}

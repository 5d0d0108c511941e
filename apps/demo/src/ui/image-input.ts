/** Hands the image file chosen in a file input, or dropped on the stage, to `onFile`. */
export function bindImageInput(fileInput: HTMLInputElement, stage: HTMLElement, onFile: (file: File) => void): void {
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    if (f) onFile(f);
  });
  stage.addEventListener('dragover', (e) => { e.preventDefault(); stage.classList.add('dragging'); });
  stage.addEventListener('dragleave', () => stage.classList.remove('dragging'));
  stage.addEventListener('drop', (e) => {
    e.preventDefault();
    stage.classList.remove('dragging');
    const f = e.dataTransfer?.files?.[0];
    if (f) onFile(f);
  });
}

#!/usr/bin/env bash
# Regenerates the README's gallery: runs every reproduction at full size, draws its plots, and
# copies the experiment-level figures to docs/gallery/. Takes about 20 minutes on 2 idle cores.
#   examples/repro/gallery.sh            # all reproductions
#   examples/repro/gallery.sh seed000-width seed002-width-fc   # some of them
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$HERE"
OUT="${GALLERY_RUNS:-runs-gallery}"
DEST="docs/gallery"
mkdir -p "$DEST"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(seed000-width seed001-width seed002-width-fc seed002-width-resnet seed003-figure1 \
         seed004-figure2-w seed004-figure2-wv seed004-figure3-w seed004-figure3-wv)
fi
for n in "${names[@]}"; do
  script="examples/repro/$n.exp"
  if [[ "$n" == seed003-* ]] && [ ! -d /usr/share/datasets/fashion-mnist ]; then
    echo "gallery: skipping $n (apt-get install dataset-fashion-mnist)" >&2
    continue
  fi
  echo "gallery: $n" >&2
  # a run that fails (a diverging corner of a sweep) is part of the figure, not a reason to stop
  ./gdcert run -o "$OUT" "$script" > "$OUT-$n.log" 2>&1 || true
  case "$n" in
    seed004-figure2-*) ./gdcert plot "$OUT/$n" --heatmap "d0,d1,final_zeros" >> "$OUT-$n.log" 2>&1 ;;
    *) ./gdcert plot "$OUT/$n" >> "$OUT-$n.log" 2>&1 ;;
  esac
  rm -f "$DEST/$n"-*.png
  for f in "$OUT/$n"/*.png; do
    [ -e "$f" ] || continue
    cp "$f" "$DEST/$n-$(basename "$f")"
  done
done
ls -1 "$DEST"

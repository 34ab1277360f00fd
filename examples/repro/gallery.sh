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
  # the experiment's own figures are drawn afresh (a plot no longer drawn must not linger)
  rm -f "$OUT/$n"/*.png "$OUT/$n"/*.svg
  ./gdcert plot "$OUT/$n" >> "$OUT-$n.log" 2>&1
  # the figure-specific views, beside the default ones
  extra=()
  case "$n" in
    seed002-*) extra=(--versus "m,final_du_drift_ratio,final_du_kernel_drift,final_movement_rel;m,final_du_lmin_gh_ratio") ;;
    seed003-*) extra=(--versus "w2,final_movement_first_rel,final_movement_last_rel;w2,final_holdout_error,final_train_error" --overlay movement_first_rel) ;;
    seed004-figure2-*) extra=(--heatmap "d0,d1,final_zeros") ;;
    seed004-figure3-*) extra=(--overlay "zeros,deltad,patterns_filtered") ;;
  esac
  if [ ${#extra[@]} -gt 0 ]; then
    ./gdcert plot --no-report "${extra[@]}" "$OUT/$n" >> "$OUT-$n.log" 2>&1
  fi
  rm -f "$DEST/$n"-*.png
  for f in "$OUT/$n"/*.png; do
    [ -e "$f" ] || continue
    cp "$f" "$DEST/$n-$(basename "$f")"
  done
done
ls -1 "$DEST"

"""The gallery: every exercise with its name, category and moving picture.

Only the tiles the user can see animate; tiles scrolled out of view, and the
whole page when hidden, run no timers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.figure_poses import Animation, PoseSpec
from lbp_desktop.storage.pose_files import PoseLibrary
from lbp_desktop.views.figure_view import FigureView

# A gallery previews the movement; a 30 s stretch hold would look frozen.
PREVIEW_MAX_HOLD_S = 3.0
COLUMNS = 4  # at most; fewer when the page is narrow
TILE_MIN_WIDTH = 220
GRID_SPACING = 10

CATEGORY_WORDS = {
    "stretch": "Stretch",
    "mobility": "Mobility",
    "core": "Core strength",
    "posture": "Desk break",
    "aerobic": "Moving",
    "heat": "Heat",
    "ice": "Ice",
    "breathing": "Breathing",
    "meditation": "Relaxation",
}


@dataclass(frozen=True)
class GalleryItem:
    """What a gallery tile shows of one exercise."""

    id: str
    name: str
    category: str
    pose: PoseSpec
    tempo_s: float | None = None
    hold_s: float | None = None


def gallery_items(library: ContentLibrary, poses: PoseLibrary) -> list[GalleryItem]:
    """Exercises that have an illustration, in library order."""
    items = []
    for ident, exercise in library.exercises.items():
        spec = poses.specs.get(ident)
        if spec is None:
            continue
        hold = exercise.dosage.hold_s
        items.append(
            GalleryItem(
                id=ident,
                name=exercise.name,
                category=exercise.category,
                pose=spec,
                tempo_s=exercise.dosage.tempo_s,
                hold_s=min(hold, PREVIEW_MAX_HOLD_S) if hold else hold,
            )
        )
    return items


class GalleryTile(QFrame):
    def __init__(self, item: GalleryItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"galleryTile_{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(2)
        self.figure = FigureView(self)
        self.figure.setMinimumSize(TILE_MIN_WIDTH - 16, 150)
        self.figure.set_playing(False)
        self.figure.set_animation(Animation(item.pose, tempo_s=item.tempo_s, hold_s=item.hold_s))
        self.figure.setAccessibleName(f"Illustration: {item.name}")
        self.name_label = QLabel(item.name, self)
        self.name_label.setWordWrap(True)  # a long name must not widen its column
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.category_label = QLabel(CATEGORY_WORDS.get(item.category, item.category), self)
        self.category_label.setProperty("role", "hint")  # smaller, but full contrast
        layout.addWidget(self.figure, 1)
        layout.addWidget(self.name_label)
        layout.addWidget(self.category_label)
        self.setAccessibleName(item.name)


class EducationLike(Protocol):
    title: str
    body: tuple[str, ...]
    sources: tuple[str, ...]


class _EducationCard(QFrame):
    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = title


def _education_card(card: EducationLike, parent: QWidget) -> QFrame:
    frame = _EducationCard(card.title, parent)
    frame.setProperty("role", "card")
    frame.setAccessibleName(card.title)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 14)
    title = QLabel(card.title, frame)
    title.setProperty("role", "sectionTitle")
    layout.addWidget(title)
    for paragraph in card.body:
        text = QLabel(paragraph, frame)
        text.setWordWrap(True)
        layout.addWidget(text)
    sources = QLabel("Sources: " + "; ".join(card.sources), frame)
    sources.setWordWrap(True)
    sources.setProperty("role", "hint")
    layout.addWidget(sources)
    return frame


class GalleryPage(QWidget):
    """All exercises in a grid; ``set_exercises(items)`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPage")
        outer = QVBoxLayout(self)
        # The same margins and heading style as the pages made in Designer.
        outer.setContentsMargins(28, 22, 28, 22)
        outer.setSpacing(10)
        title = QLabel("Exercises", self)
        title.setObjectName("galleryTitle")
        title.setProperty("role", "heading")
        outer.addWidget(title)
        intro = QLabel(
            "Every exercise in the app, moving the way it is done. "
            "The plans on the Session page put them together.",
            self,
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)
        self._content = QWidget()
        column = QVBoxLayout(self._content)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(18)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(GRID_SPACING)
        column.addLayout(self._grid)
        # Cards about what the app cannot guide (acupuncture, massage...).
        self._education = QVBoxLayout()
        self._education.setSpacing(GRID_SPACING)
        column.addLayout(self._education)
        column.addStretch(1)
        self.scroll.setWidget(self._content)
        self._tiles: list[GalleryTile] = []
        self._columns = 0
        self.scroll.verticalScrollBar().valueChanged.connect(self.update_playing)

    def set_exercises(self, items: Sequence[GalleryItem]) -> None:
        for tile in self._tiles:
            tile.figure.set_playing(False)
            self._grid.removeWidget(tile)
            tile.deleteLater()
        self._tiles = []
        for item in items:
            self._tiles.append(GalleryTile(item, self._content))
        self._columns = 0
        self._reflow()
        self.update_playing()

    def _reflow(self) -> None:
        """As many columns as fit the page's width (at least one)."""
        width = self.scroll.viewport().width() - self._grid.contentsMargins().left()
        columns = max(1, min(COLUMNS, (width + GRID_SPACING) // (TILE_MIN_WIDTH + GRID_SPACING)))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self._tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self._tiles):
            row, column = divmod(index, columns)
            self._grid.addWidget(tile, row, column)

    def set_education(self, cards: Sequence[EducationLike]) -> None:
        """Short reading cards under the exercises: not sessions, just facts."""
        while self._education.count():
            widget = self._education.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if not cards:
            return
        heading = QLabel("Good to know", self._content)
        heading.setProperty("role", "sectionTitle")
        self._education.addWidget(heading)
        for card in cards:
            self._education.addWidget(_education_card(card, self._content))

    def education_titles(self) -> list[str]:
        return [
            w.title
            for i in range(self._education.count())
            if isinstance(w := self._education.itemAt(i).widget(), _EducationCard)
        ]

    def tiles(self) -> list[GalleryTile]:
        return list(self._tiles)

    def tile(self, exercise_id: str) -> GalleryTile:
        return next(t for t in self._tiles if t.item.id == exercise_id)

    def update_playing(self, *_args: object) -> None:
        """Animate the tiles the user can see; stop the others."""
        shown = self.isVisible()
        viewport = self.scroll.viewport()
        view_rect = viewport.rect()
        for tile in self._tiles:
            top_left = tile.mapTo(viewport, tile.rect().topLeft())
            seen = shown and view_rect.intersects(tile.rect().translated(top_left))
            tile.figure.set_playing(seen)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.update_playing()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.update_playing()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()
        self.update_playing()

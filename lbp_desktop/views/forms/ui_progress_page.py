# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'progress_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

class Ui_ProgressPage(object):
    def setupUi(self, ProgressPage):
        if not ProgressPage.objectName():
            ProgressPage.setObjectName(u"ProgressPage")
        ProgressPage.resize(840, 680)
        self.pageLayout = QVBoxLayout(ProgressPage)
        self.pageLayout.setSpacing(0)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.headerBox = QWidget(ProgressPage)
        self.headerBox.setObjectName(u"headerBox")
        self.headerLayout = QGridLayout(self.headerBox)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setHorizontalSpacing(16)
        self.headerLayout.setVerticalSpacing(8)
        self.headerLayout.setContentsMargins(28, 20, 28, 8)
        self.headingLabel = QLabel(self.headerBox)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setProperty(u"role", u"heading")

        self.headerLayout.addWidget(self.headingLabel, 0, 0, 1, 1)

        self.rangeBox = QWidget(self.headerBox)
        self.rangeBox.setObjectName(u"rangeBox")
        self.rangeLayout = QHBoxLayout(self.rangeBox)
        self.rangeLayout.setSpacing(8)
        self.rangeLayout.setObjectName(u"rangeLayout")
        self.rangeLayout.setContentsMargins(0, 0, 0, 0)
        self.rangeLabel = QLabel(self.rangeBox)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.rangeLayout.addWidget(self.rangeLabel)

        self.range2wButton = QPushButton(self.rangeBox)
        self.range2wButton.setObjectName(u"range2wButton")
        self.range2wButton.setCheckable(True)
        self.range2wButton.setAutoExclusive(True)
        self.range2wButton.setProperty(u"role", u"chip")

        self.rangeLayout.addWidget(self.range2wButton)

        self.range3mButton = QPushButton(self.rangeBox)
        self.range3mButton.setObjectName(u"range3mButton")
        self.range3mButton.setCheckable(True)
        self.range3mButton.setAutoExclusive(True)
        self.range3mButton.setProperty(u"role", u"chip")

        self.rangeLayout.addWidget(self.range3mButton)

        self.range1yButton = QPushButton(self.rangeBox)
        self.range1yButton.setObjectName(u"range1yButton")
        self.range1yButton.setCheckable(True)
        self.range1yButton.setAutoExclusive(True)
        self.range1yButton.setProperty(u"role", u"chip")

        self.rangeLayout.addWidget(self.range1yButton)

        self.rangeAllButton = QPushButton(self.rangeBox)
        self.rangeAllButton.setObjectName(u"rangeAllButton")
        self.rangeAllButton.setCheckable(True)
        self.rangeAllButton.setAutoExclusive(True)
        self.rangeAllButton.setProperty(u"role", u"chip")

        self.rangeLayout.addWidget(self.rangeAllButton)


        self.headerLayout.addWidget(self.rangeBox, 0, 1, 1, 1, Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)


        self.pageLayout.addWidget(self.headerBox)

        self.contentStack = QStackedWidget(ProgressPage)
        self.contentStack.setObjectName(u"contentStack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyPageLayout.setContentsMargins(28, 8, 28, 22)
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setProperty(u"role", u"empty")

        self.emptyPageLayout.addWidget(self.emptyLabel)

        self.contentStack.addWidget(self.emptyPage)
        self.chartPage = QWidget()
        self.chartPage.setObjectName(u"chartPage")
        self.chartPageLayout = QVBoxLayout(self.chartPage)
        self.chartPageLayout.setObjectName(u"chartPageLayout")
        self.chartPageLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(self.chartPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setSpacing(12)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(28, 4, 28, 22)
        self.summaryLabel = QLabel(self.scrollContents)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scrollLayout.addWidget(self.summaryLabel)

        self.mainChartBox = QWidget(self.scrollContents)
        self.mainChartBox.setObjectName(u"mainChartBox")
        self.mainChartLayout = QVBoxLayout(self.mainChartBox)
        self.mainChartLayout.setObjectName(u"mainChartLayout")
        self.mainChartLayout.setContentsMargins(0, 0, 0, 0)

        self.scrollLayout.addWidget(self.mainChartBox)

        self.hoverLayout = QHBoxLayout()
        self.hoverLayout.setSpacing(10)
        self.hoverLayout.setObjectName(u"hoverLayout")
        self.hoverLabel = QLabel(self.scrollContents)
        self.hoverLabel.setObjectName(u"hoverLabel")
        self.hoverLabel.setWordWrap(True)
        self.hoverLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hoverLayout.addWidget(self.hoverLabel)

        self.resetViewButton = QPushButton(self.scrollContents)
        self.resetViewButton.setObjectName(u"resetViewButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resetViewButton.sizePolicy().hasHeightForWidth())
        self.resetViewButton.setSizePolicy(sizePolicy)

        self.hoverLayout.addWidget(self.resetViewButton)

        self.hoverLayout.setStretch(0, 1)

        self.scrollLayout.addLayout(self.hoverLayout)

        self.insightsFrame = QFrame(self.scrollContents)
        self.insightsFrame.setObjectName(u"insightsFrame")
        self.insightsFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.insightsFrame.setProperty(u"role", u"card")
        self.insightsLayout = QVBoxLayout(self.insightsFrame)
        self.insightsLayout.setSpacing(8)
        self.insightsLayout.setObjectName(u"insightsLayout")
        self.insightsTitle = QLabel(self.insightsFrame)
        self.insightsTitle.setObjectName(u"insightsTitle")
        self.insightsTitle.setProperty(u"role", u"sectionTitle")

        self.insightsLayout.addWidget(self.insightsTitle)

        self.insightsLabel = QLabel(self.insightsFrame)
        self.insightsLabel.setObjectName(u"insightsLabel")
        self.insightsLabel.setWordWrap(True)
        self.insightsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.insightsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.insightsLayout.addWidget(self.insightsLabel)


        self.scrollLayout.addWidget(self.insightsFrame)

        self.smallChartsLayout = QGridLayout()
        self.smallChartsLayout.setObjectName(u"smallChartsLayout")
        self.smallChartsLayout.setHorizontalSpacing(16)
        self.smallChartsLayout.setVerticalSpacing(16)
        self.pegFrame = QFrame(self.scrollContents)
        self.pegFrame.setObjectName(u"pegFrame")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.pegFrame.sizePolicy().hasHeightForWidth())
        self.pegFrame.setSizePolicy(sizePolicy1)
        self.pegFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.pegLayout = QVBoxLayout(self.pegFrame)
        self.pegLayout.setSpacing(4)
        self.pegLayout.setObjectName(u"pegLayout")
        self.pegLayout.setContentsMargins(0, 0, 0, 0)
        self.pegTitle = QLabel(self.pegFrame)
        self.pegTitle.setObjectName(u"pegTitle")
        self.pegTitle.setWordWrap(True)
        font = QFont()
        font.setBold(True)
        self.pegTitle.setFont(font)

        self.pegLayout.addWidget(self.pegTitle)

        self.pegCaption = QLabel(self.pegFrame)
        self.pegCaption.setObjectName(u"pegCaption")
        self.pegCaption.setWordWrap(True)
        self.pegCaption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pegCaption.setProperty(u"role", u"hint")

        self.pegLayout.addWidget(self.pegCaption)


        self.smallChartsLayout.addWidget(self.pegFrame, 0, 0, 1, 1)

        self.changeFrame = QFrame(self.scrollContents)
        self.changeFrame.setObjectName(u"changeFrame")
        sizePolicy1.setHeightForWidth(self.changeFrame.sizePolicy().hasHeightForWidth())
        self.changeFrame.setSizePolicy(sizePolicy1)
        self.changeFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.changeLayout = QVBoxLayout(self.changeFrame)
        self.changeLayout.setSpacing(4)
        self.changeLayout.setObjectName(u"changeLayout")
        self.changeLayout.setContentsMargins(0, 0, 0, 0)
        self.changeTitle = QLabel(self.changeFrame)
        self.changeTitle.setObjectName(u"changeTitle")
        self.changeTitle.setWordWrap(True)
        self.changeTitle.setFont(font)

        self.changeLayout.addWidget(self.changeTitle)

        self.changeCaption = QLabel(self.changeFrame)
        self.changeCaption.setObjectName(u"changeCaption")
        self.changeCaption.setWordWrap(True)
        self.changeCaption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changeCaption.setProperty(u"role", u"hint")

        self.changeLayout.addWidget(self.changeCaption)


        self.smallChartsLayout.addWidget(self.changeFrame, 0, 1, 1, 1)

        self.weekdayFrame = QFrame(self.scrollContents)
        self.weekdayFrame.setObjectName(u"weekdayFrame")
        sizePolicy1.setHeightForWidth(self.weekdayFrame.sizePolicy().hasHeightForWidth())
        self.weekdayFrame.setSizePolicy(sizePolicy1)
        self.weekdayFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.weekdayLayout = QVBoxLayout(self.weekdayFrame)
        self.weekdayLayout.setSpacing(4)
        self.weekdayLayout.setObjectName(u"weekdayLayout")
        self.weekdayLayout.setContentsMargins(0, 0, 0, 0)
        self.weekdayTitle = QLabel(self.weekdayFrame)
        self.weekdayTitle.setObjectName(u"weekdayTitle")
        self.weekdayTitle.setWordWrap(True)
        self.weekdayTitle.setFont(font)

        self.weekdayLayout.addWidget(self.weekdayTitle)

        self.weekdayCaption = QLabel(self.weekdayFrame)
        self.weekdayCaption.setObjectName(u"weekdayCaption")
        self.weekdayCaption.setWordWrap(True)
        self.weekdayCaption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.weekdayCaption.setProperty(u"role", u"hint")

        self.weekdayLayout.addWidget(self.weekdayCaption)


        self.smallChartsLayout.addWidget(self.weekdayFrame, 0, 2, 1, 1)


        self.scrollLayout.addLayout(self.smallChartsLayout)

        self.breaksFrame = QFrame(self.scrollContents)
        self.breaksFrame.setObjectName(u"breaksFrame")
        self.breaksFrame.setFrameShape(QFrame.Shape.NoFrame)
        self.breaksLayout = QVBoxLayout(self.breaksFrame)
        self.breaksLayout.setSpacing(4)
        self.breaksLayout.setObjectName(u"breaksLayout")
        self.breaksLayout.setContentsMargins(0, 0, 0, 0)
        self.breaksTitle = QLabel(self.breaksFrame)
        self.breaksTitle.setObjectName(u"breaksTitle")
        self.breaksTitle.setWordWrap(True)
        self.breaksTitle.setFont(font)

        self.breaksLayout.addWidget(self.breaksTitle)

        self.breaksCaption = QLabel(self.breaksFrame)
        self.breaksCaption.setObjectName(u"breaksCaption")
        self.breaksCaption.setWordWrap(True)
        self.breaksCaption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.breaksCaption.setProperty(u"role", u"hint")

        self.breaksLayout.addWidget(self.breaksCaption)


        self.scrollLayout.addWidget(self.breaksFrame)

        self.exportFrame = QFrame(self.scrollContents)
        self.exportFrame.setObjectName(u"exportFrame")
        self.exportFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.exportFrame.setProperty(u"role", u"card")
        self.exportLayout = QVBoxLayout(self.exportFrame)
        self.exportLayout.setSpacing(8)
        self.exportLayout.setObjectName(u"exportLayout")
        self.exportTitle = QLabel(self.exportFrame)
        self.exportTitle.setObjectName(u"exportTitle")
        self.exportTitle.setProperty(u"role", u"sectionTitle")

        self.exportLayout.addWidget(self.exportTitle)

        self.exportHint = QLabel(self.exportFrame)
        self.exportHint.setObjectName(u"exportHint")
        self.exportHint.setWordWrap(True)
        self.exportHint.setProperty(u"role", u"hint")

        self.exportLayout.addWidget(self.exportHint)

        self.exportButtonsLayout = QHBoxLayout()
        self.exportButtonsLayout.setSpacing(10)
        self.exportButtonsLayout.setObjectName(u"exportButtonsLayout")
        self.pdfButton = QPushButton(self.exportFrame)
        self.pdfButton.setObjectName(u"pdfButton")

        self.exportButtonsLayout.addWidget(self.pdfButton)

        self.csvButton = QPushButton(self.exportFrame)
        self.csvButton.setObjectName(u"csvButton")

        self.exportButtonsLayout.addWidget(self.csvButton)

        self.fhirButton = QPushButton(self.exportFrame)
        self.fhirButton.setObjectName(u"fhirButton")

        self.exportButtonsLayout.addWidget(self.fhirButton)

        self.exportSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportButtonsLayout.addItem(self.exportSpacer)


        self.exportLayout.addLayout(self.exportButtonsLayout)

        self.exportStatusLabel = QLabel(self.exportFrame)
        self.exportStatusLabel.setObjectName(u"exportStatusLabel")
        self.exportStatusLabel.setWordWrap(True)
        self.exportStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.exportStatusLabel.setProperty(u"role", u"feedback")

        self.exportLayout.addWidget(self.exportStatusLabel)


        self.scrollLayout.addWidget(self.exportFrame)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scrollLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.chartPageLayout.addWidget(self.scrollArea)

        self.contentStack.addWidget(self.chartPage)

        self.pageLayout.addWidget(self.contentStack)

        QWidget.setTabOrder(self.range2wButton, self.range3mButton)
        QWidget.setTabOrder(self.range3mButton, self.range1yButton)
        QWidget.setTabOrder(self.range1yButton, self.rangeAllButton)
        QWidget.setTabOrder(self.rangeAllButton, self.scrollArea)
        QWidget.setTabOrder(self.scrollArea, self.summaryLabel)
        QWidget.setTabOrder(self.summaryLabel, self.resetViewButton)
        QWidget.setTabOrder(self.resetViewButton, self.hoverLabel)
        QWidget.setTabOrder(self.hoverLabel, self.insightsLabel)
        QWidget.setTabOrder(self.insightsLabel, self.pdfButton)
        QWidget.setTabOrder(self.pdfButton, self.csvButton)
        QWidget.setTabOrder(self.csvButton, self.fhirButton)

        self.retranslateUi(ProgressPage)

        QMetaObject.connectSlotsByName(ProgressPage)
    # setupUi

    def retranslateUi(self, ProgressPage):
#if QT_CONFIG(accessibility)
        ProgressPage.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("ProgressPage", u"Your progress", None))
#if QT_CONFIG(accessibility)
        self.rangeBox.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Period shown", None))
#endif // QT_CONFIG(accessibility)
        self.rangeLabel.setText(QCoreApplication.translate("ProgressPage", u"Period:", None))
        self.range2wButton.setText(QCoreApplication.translate("ProgressPage", u"&2 weeks", None))
#if QT_CONFIG(accessibility)
        self.range2wButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Show the last 2 weeks", None))
#endif // QT_CONFIG(accessibility)
        self.range3mButton.setText(QCoreApplication.translate("ProgressPage", u"&3 months", None))
#if QT_CONFIG(accessibility)
        self.range3mButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Show the last 3 months", None))
#endif // QT_CONFIG(accessibility)
        self.range1yButton.setText(QCoreApplication.translate("ProgressPage", u"1 &year", None))
#if QT_CONFIG(accessibility)
        self.range1yButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Show the last year", None))
#endif // QT_CONFIG(accessibility)
        self.rangeAllButton.setText(QCoreApplication.translate("ProgressPage", u"&All", None))
#if QT_CONFIG(accessibility)
        self.rangeAllButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Show everything in your diary", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("ProgressPage", u"Loading your diary\u2026", None))
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Summary of the period shown", None))
#endif // QT_CONFIG(accessibility)
        self.hoverLabel.setText("")
#if QT_CONFIG(accessibility)
        self.hoverLabel.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Values of the day under the pointer", None))
#endif // QT_CONFIG(accessibility)
        self.resetViewButton.setText(QCoreApplication.translate("ProgressPage", u"Reset &view", None))
#if QT_CONFIG(accessibility)
        self.resetViewButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Reset view: show the whole period again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.resetViewButton.setToolTip(QCoreApplication.translate("ProgressPage", u"Show the whole period again (zoom with Ctrl and the mouse wheel, drag to move)", None))
#endif // QT_CONFIG(tooltip)
        self.insightsTitle.setText(QCoreApplication.translate("ProgressPage", u"What your diary shows", None))
        self.insightsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.insightsLabel.setAccessibleName(QCoreApplication.translate("ProgressPage", u"What your diary shows, in words", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pegFrame.setAccessibleName(QCoreApplication.translate("ProgressPage", u"PEG score over time", None))
#endif // QT_CONFIG(accessibility)
        self.pegTitle.setText(QCoreApplication.translate("ProgressPage", u"Weekly PEG score: how much pain gets in the way", None))
        self.pegCaption.setText("")
#if QT_CONFIG(accessibility)
        self.changeFrame.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Pain change with sessions", None))
#endif // QT_CONFIG(accessibility)
        self.changeTitle.setText(QCoreApplication.translate("ProgressPage", u"Change in pain after a session (points)", None))
        self.changeCaption.setText("")
#if QT_CONFIG(accessibility)
        self.weekdayFrame.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Sessions by weekday", None))
#endif // QT_CONFIG(accessibility)
        self.weekdayTitle.setText(QCoreApplication.translate("ProgressPage", u"Sessions by day of the week", None))
        self.weekdayCaption.setText("")
#if QT_CONFIG(accessibility)
        self.breaksFrame.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Posture breaks over time", None))
#endif // QT_CONFIG(accessibility)
        self.breaksTitle.setText(QCoreApplication.translate("ProgressPage", u"Posture breaks", None))
        self.breaksCaption.setText("")
        self.exportTitle.setText(QCoreApplication.translate("ProgressPage", u"Take it to your physiotherapist", None))
        self.exportHint.setText(QCoreApplication.translate("ProgressPage", u"Your diary stays on this computer unless you export it. You choose where each file is saved.", None))
        self.pdfButton.setText(QCoreApplication.translate("ProgressPage", u"Export for my physiotherapist (P&DF)", None))
#if QT_CONFIG(accessibility)
        self.pdfButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Export a report for my physiotherapist as PDF", None))
#endif // QT_CONFIG(accessibility)
        self.csvButton.setText(QCoreApplication.translate("ProgressPage", u"Export data (&CSV)", None))
#if QT_CONFIG(accessibility)
        self.csvButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Export my data as CSV, for a spreadsheet", None))
#endif // QT_CONFIG(accessibility)
        self.fhirButton.setText(QCoreApplication.translate("ProgressPage", u"Export FH&IR", None))
#if QT_CONFIG(accessibility)
        self.fhirButton.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Export my data as FHIR, for health record systems", None))
#endif // QT_CONFIG(accessibility)
        self.exportStatusLabel.setText("")
#if QT_CONFIG(accessibility)
        self.exportStatusLabel.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Export status", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'today_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_TodayPage(object):
    def setupUi(self, TodayPage):
        if not TodayPage.objectName():
            TodayPage.setObjectName(u"TodayPage")
        TodayPage.resize(820, 700)
        self.outerLayout = QVBoxLayout(TodayPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(TodayPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setSpacing(14)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(28, 22, 28, 22)
        self.greetingLabel = QLabel(self.scrollContents)
        self.greetingLabel.setObjectName(u"greetingLabel")
        self.greetingLabel.setWordWrap(True)
        self.greetingLabel.setProperty(u"role", u"heading")

        self.contentLayout.addWidget(self.greetingLabel)

        self.painCard = QFrame(self.scrollContents)
        self.painCard.setObjectName(u"painCard")
        self.painCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.painCard.setProperty(u"role", u"card")
        self.painCardLayout = QVBoxLayout(self.painCard)
        self.painCardLayout.setSpacing(10)
        self.painCardLayout.setObjectName(u"painCardLayout")
        self.painQuestionLabel = QLabel(self.painCard)
        self.painQuestionLabel.setObjectName(u"painQuestionLabel")
        self.painQuestionLabel.setWordWrap(True)
        self.painQuestionLabel.setProperty(u"role", u"sectionTitle")

        self.painCardLayout.addWidget(self.painQuestionLabel)

        self.scoreRowLayout = QHBoxLayout()
        self.scoreRowLayout.setSpacing(6)
        self.scoreRowLayout.setObjectName(u"scoreRowLayout")

        self.painCardLayout.addLayout(self.scoreRowLayout)

        self.detailsGrid = QGridLayout()
        self.detailsGrid.setObjectName(u"detailsGrid")
        self.detailsGrid.setHorizontalSpacing(14)
        self.detailsGrid.setVerticalSpacing(10)
        self.areaLabel = QLabel(self.painCard)
        self.areaLabel.setObjectName(u"areaLabel")

        self.detailsGrid.addWidget(self.areaLabel, 0, 0, 1, 1)

        self.areaGrid = QGridLayout()
        self.areaGrid.setObjectName(u"areaGrid")
        self.areaGrid.setHorizontalSpacing(8)
        self.areaGrid.setVerticalSpacing(8)
        self.areaLowerBackButton = QPushButton(self.painCard)
        self.areaLowerBackButton.setObjectName(u"areaLowerBackButton")
        self.areaLowerBackButton.setCheckable(True)
        self.areaLowerBackButton.setProperty(u"role", u"chip")

        self.areaGrid.addWidget(self.areaLowerBackButton, 0, 0, 1, 1)

        self.areaButtockButton = QPushButton(self.painCard)
        self.areaButtockButton.setObjectName(u"areaButtockButton")
        self.areaButtockButton.setCheckable(True)
        self.areaButtockButton.setProperty(u"role", u"chip")

        self.areaGrid.addWidget(self.areaButtockButton, 0, 1, 1, 1)

        self.areaLeftLegButton = QPushButton(self.painCard)
        self.areaLeftLegButton.setObjectName(u"areaLeftLegButton")
        self.areaLeftLegButton.setCheckable(True)
        self.areaLeftLegButton.setProperty(u"role", u"chip")

        self.areaGrid.addWidget(self.areaLeftLegButton, 0, 2, 1, 1)

        self.areaRightLegButton = QPushButton(self.painCard)
        self.areaRightLegButton.setObjectName(u"areaRightLegButton")
        self.areaRightLegButton.setCheckable(True)
        self.areaRightLegButton.setProperty(u"role", u"chip")

        self.areaGrid.addWidget(self.areaRightLegButton, 0, 3, 1, 1)

        self.areaSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.areaGrid.addItem(self.areaSpacer, 0, 4, 1, 1)


        self.detailsGrid.addLayout(self.areaGrid, 0, 1, 1, 1)

        self.noteLabel = QLabel(self.painCard)
        self.noteLabel.setObjectName(u"noteLabel")

        self.detailsGrid.addWidget(self.noteLabel, 1, 0, 1, 1)

        self.noteEdit = QLineEdit(self.painCard)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(2000)
        self.noteEdit.setClearButtonEnabled(True)

        self.detailsGrid.addWidget(self.noteEdit, 1, 1, 1, 1)

        self.detailsGrid.setColumnStretch(1, 1)

        self.painCardLayout.addLayout(self.detailsGrid)

        self.saveRowLayout = QHBoxLayout()
        self.saveRowLayout.setSpacing(14)
        self.saveRowLayout.setObjectName(u"saveRowLayout")
        self.saveButton = QPushButton(self.painCard)
        self.saveButton.setObjectName(u"saveButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.saveButton.sizePolicy().hasHeightForWidth())
        self.saveButton.setSizePolicy(sizePolicy)
        self.saveButton.setProperty(u"role", u"primary")

        self.saveRowLayout.addWidget(self.saveButton)

        self.feedbackLabel = QLabel(self.painCard)
        self.feedbackLabel.setObjectName(u"feedbackLabel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.feedbackLabel.sizePolicy().hasHeightForWidth())
        self.feedbackLabel.setSizePolicy(sizePolicy1)
        self.feedbackLabel.setWordWrap(True)
        self.feedbackLabel.setProperty(u"role", u"feedback")

        self.saveRowLayout.addWidget(self.feedbackLabel)

        self.saveRowSpacer = QSpacerItem(0, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRowLayout.addItem(self.saveRowSpacer)


        self.painCardLayout.addLayout(self.saveRowLayout)


        self.contentLayout.addWidget(self.painCard)

        self.historyCard = QFrame(self.scrollContents)
        self.historyCard.setObjectName(u"historyCard")
        self.historyCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.historyCard.setProperty(u"role", u"card")
        self.historyCardLayout = QVBoxLayout(self.historyCard)
        self.historyCardLayout.setSpacing(8)
        self.historyCardLayout.setObjectName(u"historyCardLayout")
        self.historyTitleLabel = QLabel(self.historyCard)
        self.historyTitleLabel.setObjectName(u"historyTitleLabel")
        self.historyTitleLabel.setWordWrap(True)
        self.historyTitleLabel.setProperty(u"role", u"sectionTitle")

        self.historyCardLayout.addWidget(self.historyTitleLabel)

        self.historyLabel = QLabel(self.historyCard)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setTextFormat(Qt.TextFormat.RichText)
        self.historyLabel.setWordWrap(True)
        self.historyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.historyCardLayout.addWidget(self.historyLabel)

        self.earlierLabel = QLabel(self.historyCard)
        self.earlierLabel.setObjectName(u"earlierLabel")
        self.earlierLabel.setWordWrap(True)
        self.earlierLabel.setProperty(u"role", u"hint")

        self.historyCardLayout.addWidget(self.earlierLabel)

        self.historyListLayout = QVBoxLayout()
        self.historyListLayout.setSpacing(0)
        self.historyListLayout.setObjectName(u"historyListLayout")

        self.historyCardLayout.addLayout(self.historyListLayout)

        self.historyFeedbackLabel = QLabel(self.historyCard)
        self.historyFeedbackLabel.setObjectName(u"historyFeedbackLabel")
        self.historyFeedbackLabel.setWordWrap(True)
        self.historyFeedbackLabel.setProperty(u"role", u"feedback")

        self.historyCardLayout.addWidget(self.historyFeedbackLabel)


        self.contentLayout.addWidget(self.historyCard)

        self.nextCard = QFrame(self.scrollContents)
        self.nextCard.setObjectName(u"nextCard")
        self.nextCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.nextCard.setProperty(u"role", u"card")
        self.nextCardLayout = QHBoxLayout(self.nextCard)
        self.nextCardLayout.setSpacing(14)
        self.nextCardLayout.setObjectName(u"nextCardLayout")
        self.nextTextLayout = QVBoxLayout()
        self.nextTextLayout.setSpacing(4)
        self.nextTextLayout.setObjectName(u"nextTextLayout")
        self.nextTitleLabel = QLabel(self.nextCard)
        self.nextTitleLabel.setObjectName(u"nextTitleLabel")
        self.nextTitleLabel.setWordWrap(True)
        self.nextTitleLabel.setProperty(u"role", u"statTitle")

        self.nextTextLayout.addWidget(self.nextTitleLabel)

        self.nextNameLabel = QLabel(self.nextCard)
        self.nextNameLabel.setObjectName(u"nextNameLabel")
        self.nextNameLabel.setWordWrap(True)
        self.nextNameLabel.setProperty(u"role", u"sectionTitle")

        self.nextTextLayout.addWidget(self.nextNameLabel)

        self.nextLengthLabel = QLabel(self.nextCard)
        self.nextLengthLabel.setObjectName(u"nextLengthLabel")
        self.nextLengthLabel.setWordWrap(True)
        self.nextLengthLabel.setProperty(u"role", u"hint")

        self.nextTextLayout.addWidget(self.nextLengthLabel)

        self.nextWhyLabel = QLabel(self.nextCard)
        self.nextWhyLabel.setObjectName(u"nextWhyLabel")
        self.nextWhyLabel.setWordWrap(True)

        self.nextTextLayout.addWidget(self.nextWhyLabel)


        self.nextCardLayout.addLayout(self.nextTextLayout)

        self.startButton = QPushButton(self.nextCard)
        self.startButton.setObjectName(u"startButton")
        sizePolicy.setHeightForWidth(self.startButton.sizePolicy().hasHeightForWidth())
        self.startButton.setSizePolicy(sizePolicy)
        self.startButton.setProperty(u"role", u"primary")

        self.nextCardLayout.addWidget(self.startButton)


        self.contentLayout.addWidget(self.nextCard)

        self.statsLayout = QHBoxLayout()
        self.statsLayout.setSpacing(14)
        self.statsLayout.setObjectName(u"statsLayout")
        self.weekCard = QFrame(self.scrollContents)
        self.weekCard.setObjectName(u"weekCard")
        self.weekCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.weekCard.setProperty(u"role", u"card")
        self.weekCardLayout = QVBoxLayout(self.weekCard)
        self.weekCardLayout.setObjectName(u"weekCardLayout")
        self.weekTitleLabel = QLabel(self.weekCard)
        self.weekTitleLabel.setObjectName(u"weekTitleLabel")
        self.weekTitleLabel.setWordWrap(True)
        self.weekTitleLabel.setProperty(u"role", u"statTitle")

        self.weekCardLayout.addWidget(self.weekTitleLabel)

        self.weekValueLabel = QLabel(self.weekCard)
        self.weekValueLabel.setObjectName(u"weekValueLabel")
        self.weekValueLabel.setText(u"0 of 3")
        self.weekValueLabel.setProperty(u"role", u"statValue")

        self.weekCardLayout.addWidget(self.weekValueLabel)

        self.weekProgressBar = QProgressBar(self.weekCard)
        self.weekProgressBar.setObjectName(u"weekProgressBar")
        self.weekProgressBar.setMaximum(3)
        self.weekProgressBar.setValue(0)
        self.weekProgressBar.setTextVisible(False)

        self.weekCardLayout.addWidget(self.weekProgressBar)

        self.weekDetailLabel = QLabel(self.weekCard)
        self.weekDetailLabel.setObjectName(u"weekDetailLabel")
        self.weekDetailLabel.setWordWrap(True)
        self.weekDetailLabel.setProperty(u"role", u"hint")

        self.weekCardLayout.addWidget(self.weekDetailLabel)


        self.statsLayout.addWidget(self.weekCard)

        self.streakCard = QFrame(self.scrollContents)
        self.streakCard.setObjectName(u"streakCard")
        self.streakCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.streakCard.setProperty(u"role", u"card")
        self.streakCardLayout = QVBoxLayout(self.streakCard)
        self.streakCardLayout.setObjectName(u"streakCardLayout")
        self.streakTitleLabel = QLabel(self.streakCard)
        self.streakTitleLabel.setObjectName(u"streakTitleLabel")
        self.streakTitleLabel.setWordWrap(True)
        self.streakTitleLabel.setProperty(u"role", u"statTitle")

        self.streakCardLayout.addWidget(self.streakTitleLabel)

        self.streakValueLabel = QLabel(self.streakCard)
        self.streakValueLabel.setObjectName(u"streakValueLabel")
        self.streakValueLabel.setText(u"0")
        self.streakValueLabel.setProperty(u"role", u"statValue")

        self.streakCardLayout.addWidget(self.streakValueLabel)

        self.streakDetailLabel = QLabel(self.streakCard)
        self.streakDetailLabel.setObjectName(u"streakDetailLabel")
        self.streakDetailLabel.setWordWrap(True)
        self.streakDetailLabel.setProperty(u"role", u"hint")

        self.streakCardLayout.addWidget(self.streakDetailLabel)

        self.streakSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.streakCardLayout.addItem(self.streakSpacer)


        self.statsLayout.addWidget(self.streakCard)

        self.breaksCard = QFrame(self.scrollContents)
        self.breaksCard.setObjectName(u"breaksCard")
        self.breaksCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.breaksCard.setProperty(u"role", u"card")
        self.breaksCardLayout = QVBoxLayout(self.breaksCard)
        self.breaksCardLayout.setObjectName(u"breaksCardLayout")
        self.breaksTitleLabel = QLabel(self.breaksCard)
        self.breaksTitleLabel.setObjectName(u"breaksTitleLabel")
        self.breaksTitleLabel.setWordWrap(True)
        self.breaksTitleLabel.setProperty(u"role", u"statTitle")

        self.breaksCardLayout.addWidget(self.breaksTitleLabel)

        self.breaksValueLabel = QLabel(self.breaksCard)
        self.breaksValueLabel.setObjectName(u"breaksValueLabel")
        self.breaksValueLabel.setText(u"0")
        self.breaksValueLabel.setProperty(u"role", u"statValue")

        self.breaksCardLayout.addWidget(self.breaksValueLabel)

        self.breaksDetailLabel = QLabel(self.breaksCard)
        self.breaksDetailLabel.setObjectName(u"breaksDetailLabel")
        self.breaksDetailLabel.setWordWrap(True)
        self.breaksDetailLabel.setProperty(u"role", u"hint")

        self.breaksCardLayout.addWidget(self.breaksDetailLabel)

        self.breaksSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.breaksCardLayout.addItem(self.breaksSpacer)


        self.statsLayout.addWidget(self.breaksCard)

        self.statsLayout.setStretch(0, 1)
        self.statsLayout.setStretch(1, 1)
        self.statsLayout.setStretch(2, 1)

        self.contentLayout.addLayout(self.statsLayout)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.areaLowerBackButton, self.areaButtockButton)
        QWidget.setTabOrder(self.areaButtockButton, self.areaLeftLegButton)
        QWidget.setTabOrder(self.areaLeftLegButton, self.areaRightLegButton)
        QWidget.setTabOrder(self.areaRightLegButton, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.historyLabel)
        QWidget.setTabOrder(self.historyLabel, self.startButton)

        self.retranslateUi(TodayPage)

        QMetaObject.connectSlotsByName(TodayPage)
    # setupUi

    def retranslateUi(self, TodayPage):
#if QT_CONFIG(accessibility)
        TodayPage.setAccessibleName(QCoreApplication.translate("TodayPage", u"Today", None))
#endif // QT_CONFIG(accessibility)
        self.greetingLabel.setText(QCoreApplication.translate("TodayPage", u"Hello", None))
        self.painQuestionLabel.setText(QCoreApplication.translate("TodayPage", u"How is your pain right &now?", None))
        self.areaLabel.setText(QCoreApplication.translate("TodayPage", u"Where is it? (optional)", None))
#if QT_CONFIG(accessibility)
        self.areaLowerBackButton.setAccessibleName(QCoreApplication.translate("TodayPage", u"Lower back", None))
#endif // QT_CONFIG(accessibility)
        self.areaLowerBackButton.setText(QCoreApplication.translate("TodayPage", u"&Lower back", None))
#if QT_CONFIG(accessibility)
        self.areaButtockButton.setAccessibleName(QCoreApplication.translate("TodayPage", u"Buttock", None))
#endif // QT_CONFIG(accessibility)
        self.areaButtockButton.setText(QCoreApplication.translate("TodayPage", u"&Buttock", None))
#if QT_CONFIG(accessibility)
        self.areaLeftLegButton.setAccessibleName(QCoreApplication.translate("TodayPage", u"Left leg", None))
#endif // QT_CONFIG(accessibility)
        self.areaLeftLegButton.setText(QCoreApplication.translate("TodayPage", u"Left le&g", None))
#if QT_CONFIG(accessibility)
        self.areaRightLegButton.setAccessibleName(QCoreApplication.translate("TodayPage", u"Right leg", None))
#endif // QT_CONFIG(accessibility)
        self.areaRightLegButton.setText(QCoreApplication.translate("TodayPage", u"&Right leg", None))
        self.noteLabel.setText(QCoreApplication.translate("TodayPage", u"A&dd a note (optional)", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("TodayPage", u"Note about your pain (optional)", None))
#endif // QT_CONFIG(accessibility)
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("TodayPage", u"For example: after a long drive", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("TodayPage", u"Save your pain score (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("TodayPage", u"Save pain score", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("TodayPage", u"Sa&ve", None))
#if QT_CONFIG(accessibility)
        self.feedbackLabel.setAccessibleName(QCoreApplication.translate("TodayPage", u"Save result", None))
#endif // QT_CONFIG(accessibility)
        self.historyTitleLabel.setText(QCoreApplication.translate("TodayPage", u"Your pain today", None))
#if QT_CONFIG(accessibility)
        self.historyLabel.setAccessibleName(QCoreApplication.translate("TodayPage", u"Pain scores noted today", None))
#endif // QT_CONFIG(accessibility)
        self.earlierLabel.setText(QCoreApplication.translate("TodayPage", u"Your last entries, in case one needs correcting:", None))
#if QT_CONFIG(accessibility)
        self.historyFeedbackLabel.setAccessibleName(QCoreApplication.translate("TodayPage", u"Change result", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nextCard.setAccessibleName(QCoreApplication.translate("TodayPage", u"Your next session", None))
#endif // QT_CONFIG(accessibility)
        self.nextTitleLabel.setText(QCoreApplication.translate("TodayPage", u"Your next session", None))
        self.startButton.setText(QCoreApplication.translate("TodayPage", u"St&art", None))
        self.weekTitleLabel.setText(QCoreApplication.translate("TodayPage", u"Sessions this week", None))
#if QT_CONFIG(accessibility)
        self.weekProgressBar.setAccessibleName(QCoreApplication.translate("TodayPage", u"Sessions this week compared with your goal", None))
#endif // QT_CONFIG(accessibility)
        self.streakTitleLabel.setText(QCoreApplication.translate("TodayPage", u"Days in a row with a session", None))
        self.breaksTitleLabel.setText(QCoreApplication.translate("TodayPage", u"Posture breaks today", None))
    # retranslateUi


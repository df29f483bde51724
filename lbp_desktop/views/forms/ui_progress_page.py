# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'progress_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget

class Ui_ProgressPage(object):
    def setupUi(self, ProgressPage):
        if not ProgressPage.objectName():
            ProgressPage.setObjectName(u"ProgressPage")
        ProgressPage.resize(820, 640)
        self.pageLayout = QVBoxLayout(ProgressPage)
        self.pageLayout.setSpacing(12)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(28, 22, 28, 22)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(10)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headingLabel = QLabel(ProgressPage)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setProperty(u"role", u"heading")

        self.headerLayout.addWidget(self.headingLabel)

        self.headerSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.rangeLabel = QLabel(ProgressPage)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.headerLayout.addWidget(self.rangeLabel)

        self.rangeCombo = QComboBox(ProgressPage)
        self.rangeCombo.setObjectName(u"rangeCombo")

        self.headerLayout.addWidget(self.rangeCombo)


        self.pageLayout.addLayout(self.headerLayout)

        self.summaryLabel = QLabel(ProgressPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.summaryLabel)

        self.contentStack = QStackedWidget(ProgressPage)
        self.contentStack.setObjectName(u"contentStack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyPageLayout = QVBoxLayout(self.emptyPage)
        self.emptyPageLayout.setObjectName(u"emptyPageLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"empty")

        self.emptyPageLayout.addWidget(self.emptyLabel)

        self.contentStack.addWidget(self.emptyPage)
        self.chartPage = QWidget()
        self.chartPage.setObjectName(u"chartPage")
        self.chartLayout = QVBoxLayout(self.chartPage)
        self.chartLayout.setObjectName(u"chartLayout")
        self.chartLayout.setContentsMargins(0, 0, 0, 0)
        self.contentStack.addWidget(self.chartPage)

        self.pageLayout.addWidget(self.contentStack)

        self.captionLabel = QLabel(ProgressPage)
        self.captionLabel.setObjectName(u"captionLabel")
        self.captionLabel.setWordWrap(True)
        self.captionLabel.setProperty(u"role", u"hint")

        self.pageLayout.addWidget(self.captionLabel)

#if QT_CONFIG(shortcut)
        self.rangeLabel.setBuddy(self.rangeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rangeCombo, self.summaryLabel)

        self.retranslateUi(ProgressPage)

        QMetaObject.connectSlotsByName(ProgressPage)
    # setupUi

    def retranslateUi(self, ProgressPage):
#if QT_CONFIG(accessibility)
        ProgressPage.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("ProgressPage", u"Your progress", None))
        self.rangeLabel.setText(QCoreApplication.translate("ProgressPage", u"Sh&ow", None))
#if QT_CONFIG(accessibility)
        self.rangeCombo.setAccessibleName(QCoreApplication.translate("ProgressPage", u"How many days to show", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("ProgressPage", u"Summary of the period shown", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("ProgressPage", u"Nothing to show yet. When you note your pain on the Today page, or finish a session, your days will appear here as a chart.", None))
        self.captionLabel.setText(QCoreApplication.translate("ProgressPage", u"Pain and sessions often change together, but a chart like this cannot prove that one causes the other.", None))
    # retranslateUi

